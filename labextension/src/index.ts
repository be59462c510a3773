/**
 * JupyterLab plugin: registers XanoScript with the editor language registry (the kernel's
 * `language_info.codemirror_mode` is "xanoscript") and `.xs` as a file type, so notebook
 * cells and .xs files are highlighted as XanoScript.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IEditorLanguageRegistry } from '@jupyterlab/codemirror';

import { xanoscript } from './language';

const MIME = 'text/x-xanoscript';

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'xs-kernel-xanoscript:language',
  description: 'XanoScript highlighting for notebook cells and .xs files.',
  autoStart: true,
  requires: [IEditorLanguageRegistry],
  activate: (app: JupyterFrontEnd, languages: IEditorLanguageRegistry) => {
    languages.addLanguage({
      name: 'xanoscript',
      displayName: 'XanoScript',
      alias: ['xs'],
      mime: MIME,
      extensions: ['xs'],
      load: async () => xanoscript()
    });
    app.docRegistry.addFileType({
      name: 'xanoscript',
      displayName: 'XanoScript',
      extensions: ['.xs'],
      mimeTypes: [MIME],
      fileFormat: 'text',
      contentType: 'file'
    });
  }
};

export default plugin;

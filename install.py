"""Register the XanoScript kernel with Jupyter (see ``python install.py --help``)."""
from xs_kernel.install import main

raise SystemExit(main())

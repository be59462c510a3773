"""``python -m xs_kernel -f CONNECTION_FILE``: start the XanoScript kernel (Jupyter runs this)."""

from ipykernel.kernelapp import IPKernelApp

from .kernel import XanoScriptKernel

IPKernelApp.launch_instance(kernel_class=XanoScriptKernel)

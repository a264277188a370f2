#: The version of the package, as ``rightsdata --version`` prints it: semantic versioning,
#: whose promises the API reference gives (docs/api.md, Versions).
__version__ = "0.1.0"

"""The command line: a thin face over the library functions of each stage."""

"""Mawgun: a verified, mapped record of events from reporting on Myanmar's war."""

__version__ = "0.1.0"

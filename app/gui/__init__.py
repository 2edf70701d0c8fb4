"""The desktop app; the only package that uses Qt."""

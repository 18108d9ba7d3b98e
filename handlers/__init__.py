"""The edges: chat platforms, social platforms and HTTP. They call the core's use cases."""

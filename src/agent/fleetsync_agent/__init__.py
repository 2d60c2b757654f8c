"""fleetsync robot agent: polls fleetsync for this robot's deployment, installs it, launches it and reports each step."""

__version__ = "0.1.0"

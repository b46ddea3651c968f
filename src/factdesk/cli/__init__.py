"""The command line: argparse over the services; Qt is imported only for the window."""

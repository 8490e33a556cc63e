"""Small framework-free helpers (identifier checks, dates), each with tests."""

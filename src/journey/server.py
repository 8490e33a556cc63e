"""Serve Journey with waitress, a production-grade pure-Python WSGI server (static files come via WhiteNoise)."""


def serve(host: str = "127.0.0.1", port: int = 8000, threads: int = 8) -> None:
    from waitress import serve as waitress_serve

    from journey.wsgi import application

    print(f"Journey is running on http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
    waitress_serve(application, host=host, port=port, threads=threads)

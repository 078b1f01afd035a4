"""A chart worker process: Vega-Lite specs in (JSON lines on stdin), SVG out (JSON lines).

Started by ``sectorlens.report.chartrender`` as a plain script (``python _chartworker.py``), so it
imports nothing of sectorlens: only vl-convert. vl-convert holds the GIL and renders one chart at a
time per process, so the report renders in worker processes beside the main one; each worker
starts its JavaScript runtime at once, while the main process is still building the report.

Request: ``{"id": ..., "spec": {...}}``. Reply: ``{"id": ..., "svg": "<svg…"}`` or
``{"id": ..., "error": "first line of the message"}``. The worker ends at end of input.
"""

from __future__ import annotations

import json
import sys

import vl_convert as vlc

# Starts the JavaScript runtime and loads the font database (a text mark is measured).
WARM_UP = {"data": {"values": [{}]}, "mark": {"type": "text", "text": "0"}}


def main() -> None:
    """Warm up, then answer requests until stdin closes."""
    vlc.vegalite_to_svg(WARM_UP)
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        reply: dict[str, str] = {"id": request["id"]}
        try:
            reply["svg"] = str(vlc.vegalite_to_svg(request["spec"]))
        except Exception as exc:  # vl-convert raises plain ValueErrors with long JS traces
            text = str(exc).strip()
            reply["error"] = text.splitlines()[0] if text else type(exc).__name__
        out.write(json.dumps(reply) + "\n")  # ASCII: no locale dependence
        out.flush()


if __name__ == "__main__":
    main()

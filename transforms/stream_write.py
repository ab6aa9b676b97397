"""Windowed write for the stream: each window's articles, entity mentions and dead letters to the same
Hive-partitioned tables as the batch path (file names carry the window, so no window overwrites another), and one
manifest per window.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from transforms.write import WriteTables, _ensure_folder, build_manifest, window_tag

MANIFESTS = "_manifests"  # ROOT/_manifests/<run>-w<window start>.json, one per window that held anything
SOURCE_STAGES = ("feeds", "poll", "pubsub")  # dead letters of these stages are records that never became leads


def window_manifest(run: dict[str, Any], window: str, items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The batch manifest (counts in, out, by reason, per partition) for one window of the stream."""
    written, reasons, leads = [], {}, 0
    for kind, value in items:
        if kind == "written":
            written.append(value)
        elif kind == "dead":
            reasons[value] = reasons.get(value, 0) + 1
        elif kind == "lead":
            leads += 1
    dead = [(stage, reason, n) for (stage, reason), n in reasons.items()]
    records_in = leads + sum(n for stage, _, n in dead if stage in SOURCE_STAGES)
    return {**build_manifest(run, written, dead, records_in), "window": window}


class _WindowManifestFn(beam.DoFn):
    def __init__(self, root: str, run_key: str, run: dict[str, Any]) -> None:
        self.root, self.run_key, self.run = root, run_key, run

    def process(self, element, window=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        _, items = element
        tag = window_tag(window, pane)
        manifest = window_manifest(self.run, tag.lstrip("-"), items)
        folder = FileSystems.join(self.root, MANIFESTS)
        _ensure_folder(folder)
        with FileSystems.create(FileSystems.join(folder, f"{self.run_key}{tag}.json")) as out:
            out.write(json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
        yield manifest


class WriteWindows(beam.PTransform):
    """(articles, dead letters, new leads), all in the same fixed windows, to ROOT/articles, ROOT/entity_mentions,
    ROOT/dead_letter and ROOT/_manifests; emits each window's manifest."""

    def __init__(self, root: str, run_key: str, run_info: dict[str, Any]) -> None:
        super().__init__()
        self.root, self.run_key, self.run_info = root.rstrip("/"), run_key, run_info

    def expand(self, pcolls):
        articles, dead, leads = pcolls
        root, key = self.root, self.run_key
        written = (articles, dead) | "Tables" >> WriteTables(root, key, _now)
        return (
            (
                written | "TagWritten" >> _tag("written"),
                dead | "ReasonOf" >> beam.Map(lambda d: (d.stage, d.reason)) | "TagDead" >> _tag("dead"),
                leads | "LeadOnly" >> beam.Map(lambda _: 1) | "TagLeads" >> _tag("lead"),
            )
            | "ManifestItems" >> beam.Flatten()
            | "OneGroupPerWindow" >> beam.GroupByKey()
            | "WriteManifest" >> beam.ParDo(_WindowManifestFn(root, key, self.run_info))
        )


def _tag(kind: str) -> beam.Map:
    return beam.Map(lambda value: (None, (kind, value)))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)

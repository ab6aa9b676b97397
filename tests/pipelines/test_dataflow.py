"""Dataflow readiness, proven without a cloud account: the job graph `make dataflow` submits builds for
DataflowRunner (Beam's --dry_run returns before any call to Google Cloud), and the sdist that --setup_file ships to
workers holds every module and data file a worker imports."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import tarfile

from apache_beam.internal.gcp import auth
from apache_beam.options.pipeline_options import SetupOptions, WorkerOptions

from pipelines import backfill
from tests.conftest import ROOT, SAMPLES

PACKAGES = ("pipelines", "transforms", "schemas")


def make_dataflow_argv(**variables: str) -> list[str]:
    """The backfill arguments of the command `make dataflow` runs (printed by `make -n`, not executed)."""
    args = [f"{k}={v}" for k, v in variables.items()]
    printed = subprocess.run(
        ["make", "-n", "-s", "dataflow", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    command = printed.replace("\\\n", " ")
    [line] = [line for line in command.splitlines() if "-m pipelines.backfill" in line]
    words = shlex.split(line)
    return words[words.index("pipelines.backfill") + 1 :]


def test_make_dataflow_builds_the_job_graph_without_submitting(monkeypatch, capsys):
    monkeypatch.setenv("NO_GCE_CHECK", "true")
    monkeypatch.setattr(auth._Credentials, "_credentials_init", True)  # no credentials here: do not look for any
    monkeypatch.setattr(auth._Credentials, "_credentials", None)
    argv = make_dataflow_argv(
        PROJECT="demo-project",
        REGION="europe-west1",
        BUCKET="demo-bucket",
        INPUT="gs://demo-bucket/cc-news/2026/**",
        OUTPUT="gs://demo-bucket/newsbeam",
        DATAFLOW_ARGS="--dry_run=True",
    )
    assert "--runner=DataflowRunner" in argv and "--setup_file=./setup.py" in argv
    monkeypatch.chdir(ROOT)
    result = backfill.main(argv)
    assert result["dry_run"] and "not submitted" in capsys.readouterr().out
    job = result["job"]
    assert job.proto.type_.name == "JOB_TYPE_BATCH"
    assert job.options.view_as(WorkerOptions).machine_type == "n2-standard-4"
    assert job.options.view_as(SetupOptions).setup_file == "./setup.py"
    names = {t.unique_name for t in job.proto_pipeline.components.transforms.values()}
    for step in ("Read/PlanReads", "Read/SpreadUnits", "Read/ReadUnits", "Enrich/Extract", "Write/WriteManifest"):
        assert step in names, step


def test_sdist_holds_every_module_and_data_file_a_worker_imports(tmp_path):
    subprocess.run(
        [sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(tmp_path)],  # what Beam's stager runs
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [sdist] = tmp_path.glob("newsbeam-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path / "x", filter="data")
    [unpacked] = (tmp_path / "x").iterdir()
    shipped = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    in_repo = {p.relative_to(ROOT).as_posix() for pkg in PACKAGES for p in (ROOT / pkg).rglob("*") if p.is_file()}
    in_repo = {p for p in in_repo if "__pycache__" not in p}
    assert in_repo <= shipped, sorted(in_repo - shipped)

    # A worker's view: only the unpacked sdist on the path. Run the backfill and record where modules came from.
    script = (
        "import json, sys\n"
        "from pipelines import backfill\n"
        "m = backfill.main(sys.argv[1:])\n"
        "mods = {n: getattr(v, '__file__', None) for n, v in list(sys.modules.items())"
        f" if n.split('.')[0] in {PACKAGES!r}}}\n"
        "print('RESULT ' + json.dumps({'manifest': m, 'modules': mods}))\n"
    )
    out = tmp_path / "out"
    args = ["--input", str(SAMPLES / "warc"), "--output", str(out)]
    proc = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=unpacked, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    [line] = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    result = json.loads(line[len("RESULT ") :])
    assert result["manifest"]["balanced"] and result["manifest"]["articles_out"] == 2
    outside = {n: f for n, f in result["modules"].items() if f and not f.startswith(str(unpacked))}
    assert not outside, outside
    assert "transforms.warc" in result["modules"] and "transforms.entities" in result["modules"]

"""`--help` of both jobs lists every flag: newsbeam's and Beam's (runner, Dataflow, workers)."""

from __future__ import annotations

import pytest

from pipelines import backfill, stream


@pytest.mark.parametrize("main", [backfill.main, stream.main])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_newsbeam_and_beam_flags(main, flag, capsys):
    with pytest.raises(SystemExit) as done:
        main([flag])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for option in ("--input", "--max-doc-bytes", "--feeds", "--allow-private-hosts", "--dedup-against"):
        assert option in text  # newsbeam's
    for option in ("--runner", "--direct_num_workers", "--temp_location", "--machine_type", "--setup_file"):
        assert option in text  # Beam's
    assert "Fetch feeds and articles on private" in text  # with their help texts

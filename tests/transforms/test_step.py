import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.window import FixedWindows, TimestampedValue

from transforms.common import BATCH, DEAD, MAIN, Rejected, Step

RECORDS = 2 * BATCH + 11  # two full batches and a part one that only the end of the bundle lets go


def _halve(n: int) -> int:
    if n % 7 == 0:
        raise Rejected("odd_number", f"{n} is a multiple of 7")
    return n // 2


def test_a_step_works_in_batches_and_keeps_every_record_in_its_own_window():
    with TestPipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        stamped = p | beam.Create(range(RECORDS)) | beam.Map(lambda n: TimestampedValue(n * 2, n))
        out = stamped | beam.WindowInto(FixedWindows(10)) | Step("halve", _halve)

        def with_window(value, win=beam.DoFn.WindowParam):
            return value, int(win.start)

        kept = [n for n in range(RECORDS) if (n * 2) % 7]
        assert_that(out[MAIN] | beam.Map(with_window), equal_to([(n, n // 10 * 10) for n in kept]))
        dead = out[DEAD] | "DeadWindow" >> beam.Map(lambda d, win=beam.DoFn.WindowParam: (d.reason, int(win.start)))
        rejected = [("odd_number", n // 10 * 10) for n in range(RECORDS) if (n * 2) % 7 == 0]
        assert_that(dead, equal_to(rejected), label="dead")

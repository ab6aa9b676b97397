"""One Beam step per module. Each module holds a pure per-record function and a thin composite PTransform."""

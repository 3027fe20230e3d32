# Writes an .otio file with the opentimelineio package (make_corpus.py): an
# image sequence reference, a transition, an effect, a nested stack and a
# Clip.1-style single media_reference, the parts otio_write.py leaves out.
import sys
import opentimelineio as otio

out, missing = sys.argv[1:3]
rate = 25


def rng(start, duration):
    return otio.opentime.TimeRange(otio.opentime.RationalTime(start, rate),
                                   otio.opentime.RationalTime(duration, rate))


tl = otio.schema.Timeline(name="sequence")
v = otio.schema.Track(name="V1", kind=otio.schema.TrackKind.Video)
seq = otio.schema.ImageSequenceReference(target_url_base=f"file://{missing}/plates/",
                                         name_prefix="plate.", name_suffix=".exr",
                                         start_frame=1001, frame_step=1, rate=rate,
                                         frame_zero_padding=4, available_range=rng(0, 50))
a = otio.schema.Clip(name="plate", media_reference=seq, source_range=rng(10, 20))
a.effects.append(otio.schema.LinearTimeWarp(time_scalar=2.0))
b = otio.schema.Clip(name="ref", media_reference=otio.schema.ExternalReference(
    target_url="ref.mov", available_range=rng(0, 40)), source_range=rng(0, 15))
b.metadata["note"] = {"from": "editorial"}
v.extend([a, otio.schema.Transition(in_offset=otio.opentime.RationalTime(2, rate),
                                    out_offset=otio.opentime.RationalTime(2, rate)), b])
nested = otio.schema.Stack(name="nested")
inner = otio.schema.Track(name="inner")
inner.append(otio.schema.Clip(name="inner clip", media_reference=otio.schema.MissingReference(),
                              source_range=rng(0, 5)))
nested.append(inner)
v.append(nested)
tl.tracks.append(v)
otio.adapters.write_to_file(tl, out)

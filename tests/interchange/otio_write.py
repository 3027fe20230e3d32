# Writes a timeline with opentimelineio itself (test_otio): NTSC clips, a gap,
# a lock marker and a note marker, an audio clip after a gap.
import sys
import opentimelineio as otio
a, b, wav, out = sys.argv[1:5]
rate = 24000 / 1001
def rng(s, d, r=rate): return otio.opentime.TimeRange(otio.opentime.RationalTime(s, r), otio.opentime.RationalTime(d, r))
tl = otio.schema.Timeline(name="from otio")
v = otio.schema.Track(name="V1", kind=otio.schema.TrackKind.Video)
ca = otio.schema.Clip(name="A", media_reference=otio.schema.ExternalReference(target_url="file://" + a, available_range=rng(0, 24)), source_range=rng(2, 10))
cb = otio.schema.Clip(name="B", media_reference=otio.schema.ExternalReference(target_url=b, available_range=rng(0, 24)), source_range=rng(4, 12))
cb.markers.append(otio.schema.Marker(name="locked", marked_range=rng(6, 3)))
cb.markers.append(otio.schema.Marker(name="note", marked_range=rng(5, 1)))
v.extend([ca, otio.schema.Gap(source_range=rng(0, 5)), cb])
au = otio.schema.Track(name="A1", kind=otio.schema.TrackKind.Audio)
au.append(otio.schema.Gap(source_range=rng(0, 6)))
au.append(otio.schema.Clip(name="wav", media_reference=otio.schema.ExternalReference(target_url="file://" + wav), source_range=rng(24000, 48000, 48000)))
tl.tracks.extend([v, au])
otio.adapters.write_to_file(tl, out)

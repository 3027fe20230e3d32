# A timeline as other tools write it, through the `opentimelineio` package
# (test_otio): offline clips (MissingReference, GeneratorReference, a missing
# file behind a percent-escaped file://localhost URL), gaps, markers, another
# tool's metadata with an Inf value, effects, a transition, a nested stack,
# two video tracks and an audio track.
#
#   otio_foreign.py write OUT.otio EXISTING_MOVIE
#   otio_foreign.py markers OUT.otio EXISTING_MOVIE [MOVIE_WITH_SOUND]  (a
#       timecoded clip's, a gap's, a track's, the timeline's and a timecoded
#       audio clip's markers)
#   otio_foreign.py bundle OUT.otioz EXISTING_MOVIE  (OTIO's own otioz adapter)
#   otio_foreign.py unbundle FILE.otioz DIR  -> JSON: each clip's target_url,
#       after OTIO's adapter unpacked the media into DIR
#   otio_foreign.py describe FILE.otio   -> JSON, field by field, on stdout
import json
import math
import sys

import opentimelineio as otio

R = 24


def rng(s, d, r=R):
    return otio.opentime.TimeRange(otio.opentime.RationalTime(s, r), otio.opentime.RationalTime(d, r))


def write(out, movie):
    tl = otio.schema.Timeline(name="foreign")
    tl.metadata["cmx_3600"] = {"reel": "A001"}
    tl.global_start_time = otio.opentime.RationalTime(86400, R)
    v1 = otio.schema.Track(name="V1", kind=otio.schema.TrackKind.Video)
    v1.metadata["Resolve_OTIO"] = {"Locked": False}
    online = otio.schema.Clip(
        name="online",
        media_reference=otio.schema.ExternalReference(target_url="file://" + movie,
                                                      available_range=rng(0, 24)),
        source_range=rng(2, 10))
    online.metadata["fcp_xml"] = {"@id": "clipitem-1", "gain": float("inf")}
    online.effects.append(otio.schema.Effect(name="blur", effect_name="Resolve Blur",
                                             metadata={"Resolve_OTIO": {"size": 4}}))
    online.markers.append(otio.schema.Marker(name="note", marked_range=rng(5, 1),
                                             color=otio.schema.MarkerColor.BLUE,
                                             metadata={"fcp_xml": {"comment": "look"}}))
    online.markers.append(otio.schema.Marker(name="locked", marked_range=rng(6, 3)))
    missing = otio.schema.Clip(name="missing", media_reference=otio.schema.MissingReference(),
                               source_range=rng(100, 5))
    # No source_range: OTIO uses the available range, frames 100-105.
    nosource = otio.schema.Clip(
        name="credits",
        media_reference=otio.schema.ExternalReference(
            target_url="file://localhost/D%3a/media/credits.mov", available_range=rng(100, 5)))
    generator = otio.schema.Clip(
        name="slug",
        media_reference=otio.schema.GeneratorReference(
            name="slug", generator_kind="SMPTEBars", parameters={"size": 10},
            available_range=rng(0, 48)),
        source_range=rng(0, 6))
    nested = otio.schema.Stack(name="nest")
    inner = otio.schema.Track(name="inner")
    inner.append(otio.schema.Clip(name="nested clip", media_reference=otio.schema.MissingReference(),
                                  source_range=rng(10, 4)))
    nested.append(inner)
    v1.extend([online, otio.schema.Gap(source_range=rng(0, 7)), missing,
               otio.schema.Transition(name="dissolve", transition_type="SMPTE_Dissolve",
                                      in_offset=otio.opentime.RationalTime(1, R),
                                      out_offset=otio.opentime.RationalTime(1, R)),
               nosource, generator, nested])
    v2 = otio.schema.Track(name="V2", kind=otio.schema.TrackKind.Video)
    v2.extend([otio.schema.Gap(source_range=rng(0, 20)),
               otio.schema.Clip(name="overlay", media_reference=otio.schema.MissingReference(),
                                source_range=rng(0, 8))])
    a1 = otio.schema.Track(name="A1", kind=otio.schema.TrackKind.Audio)
    a1.extend([otio.schema.Gap(source_range=rng(0, 12)),
               otio.schema.Clip(name="dialogue",
                                media_reference=otio.schema.ExternalReference(
                                    target_url="file:///nowhere/dialogue.wav",
                                    available_range=rng(0, 48000 * 10, 48000)),
                                source_range=rng(48000, 24000, 48000))])
    tl.tracks.extend([v1, v2, a1])
    otio.adapters.write_to_file(tl, out)


def markers(out, movie, sound=None):
    """Markers where editors put them, on media that starts at a timecode
    (01:00:00:00): the clip's marker counts from there, like its source."""
    tl = otio.schema.Timeline(name="markers")
    v1 = otio.schema.Track(name="V1", kind=otio.schema.TrackKind.Video)
    gap = otio.schema.Gap(source_range=rng(0, 4))
    gap.markers.append(otio.schema.Marker(name="slate", marked_range=rng(1, 0),
                                          color=otio.schema.MarkerColor.PURPLE))
    clip = otio.schema.Clip(
        name="timecoded",
        media_reference=otio.schema.ExternalReference(target_url="file://" + movie,
                                                      available_range=rng(86400, 24)),
        source_range=rng(86402, 10))
    clip.markers.append(otio.schema.Marker(name="flash", marked_range=rng(86405, 2),
                                           color=otio.schema.MarkerColor.GREEN,
                                           comment="check the exposure"))
    v1.extend([gap, clip])
    v1.markers.append(otio.schema.Marker(name="music cue", marked_range=rng(3, 0),
                                         color=otio.schema.MarkerColor.YELLOW))
    tl.tracks.append(v1)
    if sound:
        # Sound that starts at 01:00:00:00 too, placed at frame 2, from its
        # second 1; the marker half a second into the clip.
        a1 = otio.schema.Track(name="A1", kind=otio.schema.TrackKind.Audio)
        s = 48000
        audio = otio.schema.Clip(
            name="sound",
            media_reference=otio.schema.ExternalReference(target_url="file://" + sound,
                                                          available_range=rng(3600 * s, 3 * s, s)),
            source_range=rng(3601 * s, s, s))
        audio.markers.append(otio.schema.Marker(name="clap", marked_range=rng(3601 * s + s // 2, 0, s),
                                                color=otio.schema.MarkerColor.ORANGE))
        a1.extend([otio.schema.Gap(source_range=rng(0, 2)), audio])
        tl.tracks.append(a1)
    tl.tracks.markers.append(otio.schema.Marker(name="reel start", marked_range=rng(0, 0),
                                                color=otio.schema.MarkerColor.RED))
    otio.adapters.write_to_file(tl, out)


def plain(value):
    """Metadata as JSON Qt reads: non-finite numbers as strings, Retake's own
    metadata left out (it is Retake's to add)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return {k: plain(v) for k, v in value.items() if k != "retake"}
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__") and not isinstance(value, str):
        return [plain(v) for v in value]
    return value


def tr(r):
    return None if r is None else [r.start_time.value, r.start_time.rate, r.duration.value,
                                   r.duration.rate]


def describe(path):
    tl = otio.adapters.read_from_file(path)
    out = {"name": tl.name, "metadata": plain(tl.metadata),
           "global_start_time": None if tl.global_start_time is None else
           [tl.global_start_time.value, tl.global_start_time.rate], "tracks": []}
    for track in tl.tracks:
        items = []
        for it in track:
            d = {"schema": it.schema_name(), "name": it.name}
            if isinstance(it, otio.schema.Transition):
                d["transition_type"] = it.transition_type
                items.append(d)
                continue
            d.update({"source_range": tr(it.source_range), "range_in_parent": tr(it.range_in_parent()),
                      "metadata": plain(it.metadata),
                      "effects": [[e.effect_name, plain(e.metadata)] for e in it.effects],
                      "markers": [[m.name, m.color, tr(m.marked_range), plain(m.metadata)]
                                  for m in it.markers]})
            if isinstance(it, otio.schema.Clip):
                ref = it.media_reference
                d["reference"] = {"schema": ref.schema_name(), "available_range": tr(ref.available_range),
                                  "metadata": plain(ref.metadata)}
                if isinstance(ref, otio.schema.ExternalReference):
                    d["reference"]["target_url"] = ref.target_url
                if isinstance(ref, otio.schema.GeneratorReference):
                    d["reference"]["generator_kind"] = ref.generator_kind
                    d["reference"]["parameters"] = plain(ref.parameters)
            items.append(d)
        out["tracks"].append({"kind": track.kind, "name": track.name, "metadata": plain(track.metadata),
                              "items": items,
                              "markers": [[m.name, m.color, tr(m.marked_range)] for m in track.markers]})
    out["stack_markers"] = [[m.name, m.color, tr(m.marked_range)] for m in tl.tracks.markers]
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "markers":
        markers(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif sys.argv[1] == "bundle":
        markers(sys.argv[2] + ".otio", sys.argv[3])
        otio.adapters.write_to_file(otio.adapters.read_from_file(sys.argv[2] + ".otio"),
                                    sys.argv[2])
    elif sys.argv[1] == "unbundle":
        tl = otio.adapters.read_from_file(sys.argv[2], extract_to_directory=sys.argv[3])
        print(json.dumps({"urls": [c.media_reference.target_url for c in tl.find_clips()]}))
    else:
        describe(sys.argv[2])

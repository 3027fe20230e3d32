#pragma once

// Writing media: encoded video (with audio) and single image files. Every
// writer writes to a temporary name beside the target and renames on success,
// so a failure or cancel never leaves a half-written file under the final name.

#include "media/media.h"

#include <map>
#include <string>

namespace retake {

enum class VideoCodec { ProRes422HQ, ProRes4444, H264, H265, DNxHRHQ, DNxHRHQX };

QString toString(VideoCodec codec); // "prores-422hq", "h264", ...
bool videoCodecFromString(const QString& name, VideoCodec* codec);

struct EncodeSettings {
    VideoCodec codec = VideoCodec::ProRes422HQ;
    int width = 0;
    int height = 0;
    Rational frameRate{24};
    ColourTags colour;       // written into the stream and container (export/deliverycolour.h)
    int bitDepth = 0;        // YUV bits: 0 = the codec's own (8, or 10 for ProRes/HQX)
    int audioSampleRate = 0; // 0 = no audio stream
    int audioChannels = 0;
    // A viewer's proxy (H.264 only): every frame a keyframe, so a jump decodes
    // one picture, and the encoder's fastest preset: the file is read by
    // Retake's viewer alone, and made while the user works.
    bool proxy = false;
    // Not empty: the video is not encoded here but copied from segments this
    // encoder's settings wrote elsewhere (a farm's, video only, each a
    // closed GOP): the first one's stream parameters are this file's, and
    // appendVideoSegment() adds them in order.
    QString videoFromSegment;
};

class VideoEncoder {
public:
    virtual ~VideoEncoder() = default; // without finish(): removes the temporary file
    // Frames in presentation order; any SampleType/channel count, converted.
    virtual void writeFrame(const Image& frame) = 0;
    // With EncodeSettings::videoFromSegment: the segment's frames, packets
    // copied as they are and moved to follow the frames before them. Returns
    // how many frames it held.
    virtual std::int64_t appendVideoSegment(const QString& path) = 0;
    // Interleaved float samples at the settings' rate and channel count.
    virtual void writeAudio(const float* interleaved, std::int64_t sampleFrames) = 0;
    // Flushes, closes and renames the temporary file to the final name.
    virtual void finish() = 0;
};

enum class ExrPixelType { Half, Float };
enum class ExrCompression { None, Zip, Piz, Dwaa };

// EXR channel names. Z: single part R,G,B,A,Z (OpenImageIO, Nuke, most
// tools). Blender: its multilayer naming, ViewLayer.Combined.R/G/B/A and
// ViewLayer.Depth.Z, which Blender's image loader reads as render passes.
enum class ExrDepthNaming { Z, Blender };

struct ImageWriteOptions {
    ExrPixelType exrPixelType = ExrPixelType::Half;
    ExrCompression exrCompression = ExrCompression::Zip;
    bool writeDepth = true; // EXR: a Z channel when the image has depth
    ExrDepthNaming exrDepthNaming = ExrDepthNaming::Z;
    // EXR: write only the depth plane (a depth map: one float channel, Z or
    // ViewLayer.Depth.Z); the image's colour samples are ignored.
    bool exrDepthOnly = false;
    // EXR header attributes. These keys are written as OpenEXR's standard
    // typed attributes that other tools read: "framesPerSecond" ("24000/1001"),
    // "timeCode" ("HH:MM:SS:FF"), "focus" (metres) and "aperture" (f-number).
    // Keys ending in "Mm" are float attributes (camera focal length, filmback);
    // every other key is a string attribute. Other formats ignore them.
    std::map<std::string, std::string> exrMetadata;
};

} // namespace retake

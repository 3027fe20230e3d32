// model: TorchScript modules the test writes itself (C++ only: a
// torch::jit::Module with methods defined from TorchScript source).

#include "retake/generation/composite.h"
#include "retake/generation/inpaint.h"
#include "retake/generation/runtime.h"
#include "synthetic.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <torch/script.h>

using namespace retake::generation;
using namespace retake::testing;

namespace {

class Model : public ::testing::Test {
protected:
    static void SetUpTestSuite() { configureThreads(); }
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("retake-model-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& source) {
        torch::jit::Module module("TestModule");
        module.define(source);
        const std::string path = (dir_ / name).string();
        module.save(path);
        return path;
    }

    InpaintRequest request() {
        InpaintRequest r;
        r.frames = movingCamera(makeTexture(100, 80, 41), 4, 40, 56, 1.0f, 0.5f);
        r.masks = boxMasks(4, 40, 56, [](int t) { return Box{10 + t, 8, 16, 12}; });
        return r;
    }

    std::filesystem::path dir_;
};

const char* const kHalfGrey = R"(
def forward(self, frames: Tensor, masks: Tensor) -> Tensor:
    return frames * (1.0 - masks) + 0.5 * masks
)";

std::string errorOf(const InpaintRequest& r) {
    try {
        inpaint("model", r);
    } catch (const InpaintError& e) {
        EXPECT_EQ(int(e.kind()), int(InpaintErrorKind::ModelError)) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

} // namespace

TEST_F(Model, AppliesAModuleInsideTheMaskOnly) {
    InpaintRequest r = request();
    r.params = {{"model", write("grey.pt", kHalfGrey)}, {"temporal_blend", 0.0}};
    const FrameStack out = inpaint("model", r);
    MaskOptions o;
    o.temporalBlend = 0;
    const FrameStack alpha = blendWeights(r.masks, r.locked, o);
    EXPECT_TRUE(bitExactOutside(out, r.frames, alpha));
    EXPECT_EQ(out.at(1, 0, 12, 16), 0.5f);
}

TEST_F(Model, TilesGiveTheSameResultForAPerPixelModel) {
    InpaintRequest r = request();
    r.params = {{"model", write("grey.pt", kHalfGrey)}};
    const FrameStack whole = inpaint("model", r);
    r.params["tile"] = 24.0;
    r.params["tile_overlap"] = 8.0;
    const FrameStack tiled = inpaint("model", r);
    for (std::size_t i = 0; i < whole.data.size(); ++i)
        ASSERT_NEAR(whole.data[i], tiled.data[i], 1e-6f);
}

TEST_F(Model, PassesThePrompt) {
    InpaintRequest r = request();
    r.params = {{"model", write("prompt.pt", R"(
def forward(self, frames: Tensor, masks: Tensor, prompt: str) -> Tensor:
    return frames * 0.0 + float(len(prompt)) / 10.0
)")},
                {"dilate", 0.0},
                {"temporal_blend", 0.0}};
    r.prompt = "sky";
    const FrameStack out = inpaint("model", r);
    EXPECT_FLOAT_EQ(out.at(0, 0, 12, 14), 0.3f);
}

TEST_F(Model, FillsAFullMaskWithoutReference) {
    InpaintRequest r = request();
    std::fill(r.masks.data.begin(), r.masks.data.end(), 1.0f);
    r.params = {{"model", write("grey.pt", kHalfGrey)}};
    const FrameStack out = inpaint("model", r);
    EXPECT_EQ(out.at(2, 1, 3, 3), 0.5f);
}

TEST_F(Model, ReportsAFileThatIsNotAModel) {
    const std::string path = (dir_ / "notes.pt").string();
    std::ofstream(path) << "these are not weights\n";
    InpaintRequest r = request();
    r.params = {{"model", path}};
    const std::string m = errorOf(r);
    EXPECT_EQ(
        m.rfind(path + ": not a model: neither a TorchScript file nor an AOTInductor package", 0),
        0u)
        << m;
}

TEST_F(Model, ReportsAMissingFileAndAMissingParameter) {
    InpaintRequest r = request();
    r.params = {{"model", (dir_ / "absent.pt").string()}};
    EXPECT_NE(errorOf(r).find("absent.pt: cannot open the model file"), std::string::npos);
    r.params.clear();
    try {
        inpaint("model", r);
        ADD_FAILURE();
    } catch (const InpaintError& e) {
        EXPECT_EQ(int(e.kind()), int(InpaintErrorKind::BadInput));
        EXPECT_NE(std::string(e.what()).find("needs the parameter 'model'"), std::string::npos);
    }
}

TEST_F(Model, ReportsAWrongSignature) {
    InpaintRequest r = request();
    const std::string path = write("one-arg.pt", R"(
def forward(self, frames: Tensor) -> Tensor:
    return frames
)");
    r.params = {{"model", path}};
    const std::string m = errorOf(r);
    EXPECT_EQ(m.rfind(path + ": forward() has the wrong signature", 0), 0u) << m;

    r.params = {{"model", write("int-arg.pt", R"(
def forward(self, frames: Tensor, masks: int) -> Tensor:
    return frames
)")}};
    EXPECT_NE(errorOf(r).find("wrong signature"), std::string::npos);
}

TEST_F(Model, ReportsAWrongOutputShapeAndAFailingForward) {
    InpaintRequest r = request();
    const std::string path = write("small.pt", R"(
def forward(self, frames: Tensor, masks: Tensor) -> Tensor:
    return frames[:, :, :8, :8]
)");
    r.params = {{"model", path}};
    std::string m = errorOf(r);
    EXPECT_EQ(m.rfind(path + ": forward() returned [4, 3, 8, 8]", 0), 0u) << m;

    r.params = {{"model", write("int.pt", R"(
def forward(self, frames: Tensor, masks: Tensor) -> Tensor:
    return (frames * 255.0).int()
)")}};
    EXPECT_NE(errorOf(r).find("floating-point"), std::string::npos);

    r.params = {{"model", write("fails.pt", R"(
def forward(self, frames: Tensor, masks: Tensor) -> Tensor:
    return torch.matmul(frames, masks)
)")}};
    EXPECT_NE(errorOf(r).find("forward() failed on input frames [4,3,40,56]"), std::string::npos);
}

TEST_F(Model, RunsOnCudaWhenAvailable) {
    if (!cudaAvailable())
        GTEST_SKIP() << "no CUDA device";
    InpaintRequest r = request();
    r.device = "cuda";
    r.params = {{"model", write("grey.pt", kHalfGrey)}};
    EXPECT_EQ(inpaint("model", r).at(1, 0, 12, 16), 0.5f);
}

TEST_F(Model, CancelsBetweenTiles) {
    InpaintRequest r = request();
    r.params = {{"model", write("grey.pt", kHalfGrey)}, {"tile", 16.0}, {"tile_overlap", 4.0}};
    std::atomic<bool> cancel{false};
    int tilesAfterCancel = 0;
    r.cancel = &cancel;
    r.progress = [&](double, const std::string& stage) {
        if (stage != "model")
            return;
        if (cancel)
            ++tilesAfterCancel;
        cancel = true;
    };
    EXPECT_THROW(inpaint("model", r), InpaintCancelled);
    EXPECT_EQ(tilesAfterCancel, 0);
}

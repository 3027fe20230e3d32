#include "usermodels/usermodel.h"

#include "runtime/torchdevice.h"

#include <ATen/cpu/Utils.h>
#include <caffe2/serialize/inline_container.h>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <sstream>
#include <streambuf>
#include <torch/csrc/export/pt2_archive_constants.h>
#include <torch/csrc/inductor/aoti_package/model_package_loader.h>

namespace retake::generation::detail {

namespace {

// "frames [4,3,40,56]": the inputs as the contract names them.
std::string inputShapes(const std::vector<torch::Tensor>& inputs) {
    static const char* const names[] = {"frames", "masks"};
    std::string text;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        std::string dims;
        for (std::int64_t d : inputs[i].sizes())
            dims += (dims.empty() ? "" : ",") + std::to_string(d);
        text += std::string(text.empty() ? "" : " and ") + (i < 2 ? names[i] : "input") + " [" +
                dims + "]";
    }
    return text;
}

// What the PyTorch that Retake runs on is called in messages.
std::string ourTorch() {
    return "Retake's PyTorch " + std::to_string(TORCH_VERSION_MAJOR) + "." +
           std::to_string(TORCH_VERSION_MINOR);
}

// The checks AOTInductor compiles into a package run only when this is set
// (read once, at a package's first call); without them a call of the wrong
// shape is undefined behaviour in the compiled code, with them it is a
// refusal that says what fits (modelshapes.h).
void enablePackageInputChecks() {
    static std::once_flag once;
    std::call_once(once, [] { ::setenv("AOTI_RUNTIME_CHECK_INPUTS", "1", 1); });
}

// A package's generated code prints every refusal to std::cerr before
// throwing it; Retake reports (or learns from) the exception itself, so the
// print is swallowed for the duration of a call. Nothing else in Retake
// writes to std::cerr.
class SilenceStdCerr {
public:
    SilenceStdCerr()
        : previous_(std::cerr.rdbuf(&discard_)) {}
    ~SilenceStdCerr() { std::cerr.rdbuf(previous_); }

private:
    struct Discard : std::streambuf {
        int overflow(int c) override { return traits_type::not_eof(c); }
    } discard_;
    std::streambuf* previous_;
};

// ---------------------------------------------------------------------------
// Recognising the file

enum class Recognised { TorchScript, AotiPackage };

struct Archive {
    Recognised kind;
    std::vector<std::string> aotiModels; // names under data/aotinductor/
};

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

Archive recognise(const std::string& path) {
    auto fail = [&](const std::string& problem) -> Archive {
        throw UserModelError(path + ": " + problem);
    };
    std::ifstream file(path, std::ios::binary);
    if (!file.good())
        fail("cannot open the model file (missing or unreadable)");
    char magic[4] = {};
    file.read(magic, 4);
    const std::string either = "neither a TorchScript file nor an AOTInductor package (.pt2)";
    if (file.gcount() < 4 || std::string(magic, 4) != std::string("PK\x03\x04", 4)) {
        if (file.gcount() >= 1 && static_cast<unsigned char>(magic[0]) == 0x80)
            fail("a file pickled by torch.save in the legacy format, not a model; " + either +
                 " (docs/models.md shows how to save one)");
        fail("not a model: " + either);
    }
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
    try {
        reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(path);
    } catch (const std::exception& e) {
        const std::string what = firstLine(e.what());
        static const std::regex newer(
            R"(version (\d+), but the maximum supported version for reading is (\d+))");
        std::smatch m;
        if (std::regex_search(what, m, newer))
            fail("written by a newer PyTorch than " + ourTorch() + " reads (file format version " +
                 m.str(1) + "; it reads up to " + m.str(2) + ")");
        // The reader's first sentence says what failed; the rest is advice
        // about checkpoints.
        const auto sentence = what.find(". ");
        fail("damaged or truncated: the archive cannot be read (" +
             (sentence == std::string::npos ? what : what.substr(0, sentence)) + ")");
    }
    std::vector<std::string> records;
    try {
        records = reader->getAllRecords();
    } catch (const std::exception& e) {
        fail("damaged or truncated: " + firstLine(e.what()));
    }
    auto has = [&](const std::string& name) {
        return std::find(records.begin(), records.end(), name) != records.end();
    };
    auto record = [&](const std::string& name) {
        auto [data, size] = reader->getRecord(name);
        return std::string(static_cast<const char*>(data.get()), size);
    };
    namespace spec = torch::_export::archive_spec;
    const std::string formatPath(spec::ARCHIVE_FORMAT_PATH);
    const std::string versionPath(spec::ARCHIVE_VERSION_PATH);
    const std::string ourVersion(spec::ARCHIVE_VERSION_VALUE);
    if (has(formatPath) && record(formatPath) == "pt2") {
        if (has(versionPath)) {
            const std::string version = record(versionPath);
            char* end = nullptr;
            const long ours = std::strtol(ourVersion.c_str(), nullptr, 10);
            const long theirs = std::strtol(version.c_str(), &end, 10);
            if (end == version.c_str() || theirs > ours)
                fail("written by a newer PyTorch than " + ourTorch() +
                     " reads (package archive version " + version + ", this one reads up to " +
                     ourVersion + ")");
        }
        Archive archive{Recognised::AotiPackage, {}};
        const std::string prefix = "data/aotinductor/";
        for (const auto& r : records) {
            if (!startsWith(r, prefix))
                continue;
            const std::string name =
                r.substr(prefix.size(), r.find('/', prefix.size()) - prefix.size());
            if (std::find(archive.aotiModels.begin(), archive.aotiModels.end(), name) ==
                archive.aotiModels.end())
                archive.aotiModels.push_back(name);
        }
        if (archive.aotiModels.empty())
            fail("a torch.export program without compiled code: compile it into a package with "
                 "torch._inductor.aoti_compile_and_package (docs/models.md)");
        return archive;
    }
    for (const auto& r : records)
        if (startsWith(r, "code/") || r == "constants.pkl")
            return {Recognised::TorchScript, {}};
    if (has("data.pkl"))
        fail("a checkpoint saved by torch.save (weights, no code), not a model; " + either +
             " (docs/models.md shows how to save one)");
    fail("a zip archive, but " + either);
    return {};
}

// ---------------------------------------------------------------------------
// TorchScript

class TorchScriptModel final : public UserModel {
public:
    TorchScriptModel(torch::jit::Module module, std::string origin, UserModelRole role,
                     torch::Device device)
        : UserModel(std::move(origin), role)
        , module_(std::move(module))
        , device_(device) {
        checkSignature();
        module_.eval();
        module_.to(device_);
    }

    UserModelKind kind() const override { return UserModelKind::TorchScript; }
    bool takesPrompt() const override { return takesPrompt_; }
    std::string compiledFor() const override { return "any device (TorchScript)"; }
    torch::Device device() const override { return device_; }

    torch::Tensor forward(const std::vector<torch::Tensor>& inputs,
                          const std::string& prompt) override {
        std::vector<torch::jit::IValue> values(inputs.begin(), inputs.end());
        if (takesPrompt_)
            values.emplace_back(prompt);
        torch::jit::IValue output;
        try {
            output = module_.forward(values);
        } catch (const std::exception& e) {
            fail("forward() failed on input " + inputShapes(inputs) + ": " + firstLine(e.what()));
        }
        if (!output.isTensor())
            fail("forward() returned " + output.tagKind() + ", expected one Tensor; " +
                 signatureOf(role_));
        return output.toTensor();
    }

private:
    void checkSignature() {
        auto method = module_.find_method("forward");
        if (!method)
            failSignature("the module has no forward() method; expected " + signatureOf(role_));
        const c10::FunctionSchema& schema = method->function().getSchema();
        const auto& args = schema.arguments(); // args[0] is self
        std::ostringstream found;
        found << schema;
        const std::string mismatch = "forward() has the wrong signature: found " + found.str() +
                                     "; expected " + signatureOf(role_);
        const std::size_t tensors = role_ == UserModelRole::Depth ? 1 : 2;
        const bool prompt = role_ == UserModelRole::Inpainting && args.size() == tensors + 2;
        if (args.size() != tensors + 1 && !prompt)
            failSignature(mismatch);
        for (std::size_t i = 1; i <= tensors; ++i)
            if (args[i].type()->kind() != c10::TypeKind::TensorType)
                failSignature(mismatch);
        if (prompt && args.back().type()->kind() != c10::TypeKind::StringType)
            failSignature(mismatch);
        if (schema.returns().size() != 1 ||
            schema.returns()[0].type()->kind() != c10::TypeKind::TensorType)
            failSignature(mismatch);
        takesPrompt_ = prompt;
    }

    torch::jit::Module module_;
    torch::Device device_;
    bool takesPrompt_ = false;
};

// ---------------------------------------------------------------------------
// AOTInductor package

// The first instruction set a package's CPU code needs (its metadata's
// AOTI_CPU_ISA, e.g. "AVX512 AVX512_VNNI") that this CPU lacks, or empty.
// Running it anyway would end Retake with an illegal instruction.
std::string missingInstructionSet(const std::string& isa) {
    const auto capabilities = at::cpu::get_cpu_capabilities();
    std::istringstream words(isa);
    for (std::string word; words >> word;) {
        std::string key;
        for (char c : word)
            key += char(std::tolower(static_cast<unsigned char>(c)));
        if (key == "avx512")
            key = "avx512_f";
        else if (key == "amx")
            key = "amx_tile";
        const auto found = capabilities.find(key);
        if (found != capabilities.end() && found->second.isBool() && !found->second.toBool())
            return word;
    }
    return {};
}

// A package's calling convention is a pytree spec in JSON; its leaves (the
// tensors) are the nodes of type null.
int countLeaves(const std::string& spec) {
    int leaves = 0;
    for (std::size_t at = spec.find("\"type\": null"); at != std::string::npos;
         at = spec.find("\"type\": null", at + 1))
        ++leaves;
    return leaves;
}

class AotiPackageModel final : public UserModel {
public:
    AotiPackageModel(const std::string& path, const Archive& archive, UserModelRole role,
                     const std::string& requestedDevice)
        : UserModel(path, role) {
        enablePackageInputChecks();
        // A package may hold several models; Retake runs the one named
        // "model" (aoti_compile_and_package's default), or the only one.
        std::string name = archive.aotiModels.front();
        if (std::find(archive.aotiModels.begin(), archive.aotiModels.end(), "model") !=
            archive.aotiModels.end())
            name = "model";
        std::unordered_map<std::string, std::string> metadata;
        try {
            metadata =
                torch::inductor::AOTIModelPackageLoader::load_metadata_from_package(path, name);
        } catch (const std::exception& e) {
            fail("damaged package: its metadata cannot be read (" + firstLine(e.what()) + ")");
        }
        const std::string deviceKey = metadata["AOTI_DEVICE_KEY"];
        c10::DeviceIndex index = -1;
        if (deviceKey == "cpu") {
            device_ = torch::kCPU;
            compiledFor_ = "cpu";
            const std::string isa = metadata["AOTI_CPU_ISA"];
            if (!isa.empty())
                compiledFor_ += " (" + isa + ")";
            const std::string missing = missingInstructionSet(isa);
            if (!missing.empty())
                fail("compiled for CPUs with " + isa + ", and this CPU lacks " + missing +
                     "; compile the package on this machine or one like it");
        } else if (deviceKey == "cuda") {
            compiledFor_ = "cuda";
            if (!metadata["AOTI_COMPUTE_CAPABILITY"].empty())
                compiledFor_ += " (compute capability " + metadata["AOTI_COMPUTE_CAPABILITY"] + ")";
            if (!torch::cuda::is_available())
                fail("compiled for CUDA only, and this machine has no CUDA device; compile the "
                     "package with the model and example inputs on the CPU (docs/models.md)");
            try {
                device_ = requestedDevice.rfind("cuda", 0) == 0 ? parseDevice(requestedDevice)
                                                                : torch::Device(torch::kCUDA, 0);
            } catch (const std::invalid_argument& e) {
                fail(e.what());
            }
            index = device_.index() < 0 ? 0 : device_.index();
        } else {
            fail("compiled for the device '" + deviceKey +
                 "', which Retake does not run (cpu, cuda)");
        }
        try {
            loader_ = std::make_unique<torch::inductor::AOTIModelPackageLoader>(path, name, false,
                                                                                1, index);
        } catch (const std::exception& e) {
            const std::string what = firstLine(e.what());
            if (what.find("undefined symbol") != std::string::npos)
                fail("compiled against another PyTorch than " + ourTorch() +
                     " (its code needs a symbol this one lacks: " + what + ")");
            fail("the package cannot be loaded: " + what);
        }
        const std::vector<std::string> spec = loader_->get_call_spec();
        const int inputs = spec.size() == 2 ? countLeaves(spec[0]) : -1;
        const int outputs = spec.size() == 2 ? countLeaves(spec[1]) : -1;
        const int expected = role == UserModelRole::Depth ? 1 : 2;
        if (inputs != expected || outputs != 1)
            failSignature("the package takes " + std::to_string(inputs) + " tensor(s) and gives " +
                          std::to_string(outputs) + "; expected " + signatureOf(role) +
                          (role == UserModelRole::Inpainting
                               ? " (a package takes tensors only: no prompt)"
                               : ""));
    }

    UserModelKind kind() const override { return UserModelKind::AotiPackage; }
    bool takesPrompt() const override { return false; }
    std::string compiledFor() const override { return compiledFor_; }
    torch::Device device() const override { return device_; }

    torch::Tensor forward(const std::vector<torch::Tensor>& inputs, const std::string&) override {
        std::vector<at::Tensor> outputs;
        try {
            SilenceStdCerr quiet;
            outputs = loader_->run(inputs);
        } catch (const std::exception& e) {
            const std::string what = firstLine(e.what());
            if (auto refusal = parseShapeRefusal(what)) {
                if (refusal->dim == 1)
                    fail("the package takes " + std::to_string(refusal->value) +
                         " channel(s) in input " + std::to_string(refusal->input + 1) +
                         "; expected " + signatureOf(role_));
                limits_.learn(*refusal);
                throw *refusal;
            }
            if (what.find("unmatched dtype") != std::string::npos)
                fail("the package was compiled for other input types (" + what +
                     "); Retake passes float32: " + signatureOf(role_));
            fail("the package failed on input " + inputShapes(inputs) + ": " + what);
        }
        if (outputs.size() != 1)
            fail("the package gave " + std::to_string(outputs.size()) + " tensors; expected " +
                 signatureOf(role_));
        return outputs.front();
    }

private:
    std::unique_ptr<torch::inductor::AOTIModelPackageLoader> loader_;
    torch::Device device_{torch::kCPU};
    std::string compiledFor_;
};

} // namespace

std::string signatureOf(UserModelRole role) {
    if (role == UserModelRole::Depth)
        return "forward(frames: Tensor[T,3,H,W] RGB 0..1) -> Tensor[T,1,H,W] depth in metres";
    return "forward(frames: Tensor[T,3,H,W], masks: Tensor[T,1,H,W]) -> Tensor[T,3,H,W], "
           "optionally with a third argument prompt: str (TorchScript only)";
}

std::string describeTensor(const torch::Tensor& t) {
    std::ostringstream s;
    s << t.sizes() << " " << t.dtype();
    return s.str();
}

std::string shapeText(std::int64_t t, std::int64_t c, std::int64_t h, std::int64_t w) {
    return "[" + std::to_string(t) + "," + std::to_string(c) + "," + std::to_string(h) + "," +
           std::to_string(w) + "]";
}

torch::Tensor padFrames(const torch::Tensor& t, std::int64_t count) {
    if (t.size(0) >= count)
        return t;
    std::vector<std::int64_t> sizes = t.sizes().vec();
    sizes[0] = count - t.size(0);
    return torch::cat({t, t.slice(0, t.size(0) - 1).expand(sizes)});
}

void UserModel::fail(const std::string& problem) const {
    throw UserModelError(origin_ + ": " + problem);
}

void UserModel::failSignature(const std::string& problem) const {
    throw SignatureMismatch(origin_ + ": " + problem);
}

std::unique_ptr<UserModel> UserModel::open(const std::string& path, UserModelRole role,
                                           const std::string& device) {
    const Archive archive = recognise(path);
    if (archive.kind == Recognised::AotiPackage)
        return std::make_unique<AotiPackageModel>(path, archive, role, device);
    torch::Device resolved{torch::kCPU};
    try {
        resolved = parseDevice(device);
    } catch (const std::exception& e) {
        throw UserModelError(path + ": " + e.what());
    }
    torch::jit::Module module;
    try {
        module = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        const std::string what = firstLine(e.what());
        if (what.find("Unknown builtin op") != std::string::npos ||
            what.find("Unknown type name") != std::string::npos)
            throw UserModelError(path + ": uses operations " + ourTorch() +
                                 " lacks, probably saved by a newer PyTorch (" + what + ")");
        throw UserModelError(path + ": a TorchScript archive that cannot be loaded: " + what);
    }
    return fromModule(std::move(module), path, role, resolved);
}

std::unique_ptr<UserModel> UserModel::fromModule(torch::jit::Module module, std::string origin,
                                                 UserModelRole role, torch::Device device) {
    return std::make_unique<TorchScriptModel>(std::move(module), std::move(origin), role, device);
}

} // namespace retake::generation::detail

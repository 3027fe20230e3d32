#include "inpaint/methods/patchmatch.h"

#include "inpaint/methods/flow.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>
#include <random>
#include <vector>

namespace retake::generation::detail {

namespace {

struct Level {
    cv::Mat image; // CV_32FC3
    cv::Mat hole;  // CV_8U, 255 = unknown
};

class Solver {
public:
    Solver(Level& level, int patch, std::mt19937_64& rng)
        : img_(level.image)
        , hole_(level.hole)
        , radius_(patch / 2)
        , rng_(rng) {
        const int w = img_.cols;
        const int h = img_.rows;
        // A source patch lies fully inside the image and fully outside the hole.
        cv::Mat knownArea = hole_ == 0;
        cv::Mat validMask;
        cv::erode(knownArea, validMask, cv::Mat::ones(patch, patch, CV_8U), {-1, -1}, 1,
                  cv::BORDER_CONSTANT, cv::Scalar(0));
        valid_ = cv::Mat::zeros(h, w, CV_8U);
        for (int y = radius_; y < h - radius_; ++y)
            for (int x = radius_; x < w - radius_; ++x)
                if (validMask.at<std::uint8_t>(y, x)) {
                    valid_.at<std::uint8_t>(y, x) = 1;
                    sources_.emplace_back(x, y);
                }
        // Targets: every patch centre whose patch touches the hole.
        cv::Mat touch;
        cv::dilate(hole_, touch, cv::Mat::ones(patch, patch, CV_8U));
        targetIndex_ = cv::Mat(h, w, CV_32S, cv::Scalar(-1));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if (touch.at<std::uint8_t>(y, x)) {
                    targetIndex_.at<int>(y, x) = int(targets_.size());
                    targets_.emplace_back(x, y);
                }
        nnf_.assign(targets_.size(), cv::Point(-1, -1));
        dist_.assign(targets_.size(), std::numeric_limits<float>::max());
    }

    bool hasSources() const { return !sources_.empty(); }
    const std::vector<cv::Point>& targets() const { return targets_; }
    std::vector<cv::Point>& nnf() { return nnf_; }

    void seedNnf(const std::vector<cv::Point>& guesses) {
        for (std::size_t i = 0; i < targets_.size(); ++i) {
            const cv::Point g = i < guesses.size() ? guesses[i] : cv::Point(-1, -1);
            nnf_[i] = isValid(g) ? g : randomSource();
        }
    }

    void search() {
        for (std::size_t i = 0; i < targets_.size(); ++i)
            dist_[i] = distance(targets_[i], nnf_[i], std::numeric_limits<float>::max());
        for (int pass = 0; pass < 2; ++pass) {
            const bool forward = pass % 2 == 0;
            const int step = forward ? -1 : 1; // neighbour already visited this pass
            const int n = int(targets_.size());
            for (int k = 0; k < n; ++k) {
                const int i = forward ? k : n - 1 - k;
                const cv::Point t = targets_[std::size_t(i)];
                for (const cv::Point d : {cv::Point(step, 0), cv::Point(0, step)}) {
                    const cv::Point nb = t + d;
                    if (nb.x < 0 || nb.y < 0 || nb.x >= img_.cols || nb.y >= img_.rows)
                        continue;
                    const int j = targetIndex_.at<int>(nb);
                    if (j < 0)
                        continue;
                    tryCandidate(std::size_t(i), nnf_[std::size_t(j)] - d);
                }
                int r = std::max(img_.cols, img_.rows);
                while (r >= 1) {
                    std::uniform_int_distribution<int> offset(-r, r);
                    const cv::Point c =
                        nnf_[std::size_t(i)] + cv::Point(offset(rng_), offset(rng_));
                    tryCandidate(std::size_t(i), c);
                    r /= 2;
                }
            }
        }
    }

    // Every hole pixel becomes the similarity-weighted mean of what the
    // patches covering it propose.
    void vote() {
        std::vector<float> sorted(dist_);
        const std::size_t q = sorted.size() * 3 / 4;
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(q), sorted.end());
        const float sigma2 = std::max(1e-6f, sorted.empty() ? 1.0f : sorted[q]);
        cv::Mat acc = cv::Mat::zeros(img_.size(), CV_32FC3);
        cv::Mat wsum = cv::Mat::zeros(img_.size(), CV_32F);
        for (std::size_t i = 0; i < targets_.size(); ++i) {
            const float w = std::exp(-dist_[i] / (2.0f * sigma2)) + 1e-6f;
            const cv::Point t = targets_[i];
            const cv::Point s = nnf_[i];
            for (int dy = -radius_; dy <= radius_; ++dy) {
                const int ty = t.y + dy;
                if (ty < 0 || ty >= img_.rows)
                    continue;
                const auto* holeRow = hole_.ptr<std::uint8_t>(ty);
                const auto* src = img_.ptr<cv::Vec3f>(s.y + dy);
                auto* a = acc.ptr<cv::Vec3f>(ty);
                auto* ws = wsum.ptr<float>(ty);
                for (int dx = -radius_; dx <= radius_; ++dx) {
                    const int tx = t.x + dx;
                    if (tx < 0 || tx >= img_.cols || !holeRow[tx])
                        continue;
                    a[tx] += w * src[s.x + dx];
                    ws[tx] += w;
                }
            }
        }
        for (int y = 0; y < img_.rows; ++y) {
            const auto* holeRow = hole_.ptr<std::uint8_t>(y);
            const auto* a = acc.ptr<cv::Vec3f>(y);
            const auto* ws = wsum.ptr<float>(y);
            auto* out = img_.ptr<cv::Vec3f>(y);
            for (int x = 0; x < img_.cols; ++x)
                if (holeRow[x] && ws[x] > 0)
                    out[x] = a[x] / ws[x];
        }
    }

private:
    bool isValid(cv::Point p) const {
        return p.x >= 0 && p.y >= 0 && p.x < img_.cols && p.y < img_.rows &&
               valid_.at<std::uint8_t>(p) != 0;
    }
    cv::Point randomSource() {
        std::uniform_int_distribution<std::size_t> pick(0, sources_.size() - 1);
        return sources_[pick(rng_)];
    }
    void tryCandidate(std::size_t i, cv::Point c) {
        if (!isValid(c) || c == nnf_[i])
            return;
        const float d = distance(targets_[i], c, dist_[i]);
        if (d < dist_[i]) {
            dist_[i] = d;
            nnf_[i] = c;
        }
    }
    // Mean squared difference over the in-image part of the target patch;
    // stops early once it cannot beat `bound`.
    float distance(cv::Point t, cv::Point s, float bound) const {
        const int x0 = std::max(-radius_, -t.x);
        const int x1 = std::min(radius_, img_.cols - 1 - t.x);
        const int y0 = std::max(-radius_, -t.y);
        const int y1 = std::min(radius_, img_.rows - 1 - t.y);
        const float count = float((x1 - x0 + 1) * (y1 - y0 + 1));
        const float limit = bound * count;
        float sum = 0;
        for (int dy = y0; dy <= y1; ++dy) {
            const auto* a = img_.ptr<cv::Vec3f>(t.y + dy) + t.x;
            const auto* b = img_.ptr<cv::Vec3f>(s.y + dy) + s.x;
            for (int dx = x0; dx <= x1; ++dx) {
                const cv::Vec3f d = a[dx] - b[dx];
                sum += d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            }
            if (sum > limit)
                return std::numeric_limits<float>::max();
        }
        return sum / count;
    }

    cv::Mat& img_;
    cv::Mat& hole_;
    int radius_;
    std::mt19937_64& rng_;
    cv::Mat valid_;
    std::vector<cv::Point> sources_;
    cv::Mat targetIndex_;
    std::vector<cv::Point> targets_;
    std::vector<cv::Point> nnf_;
    std::vector<float> dist_;
};

} // namespace

bool patchFill(cv::Mat& image, const cv::Mat& hole, const PatchFillOptions& options,
               const std::function<void()>& checkCancelled) {
    CV_Assert(image.type() == CV_32FC3 && hole.type() == CV_8U && image.size() == hole.size());
    const cv::Rect bbox = cv::boundingRect(hole);
    if (bbox.area() == 0)
        return true;
    const int patch = std::max(3, options.patch | 1);
    // Work near the hole: distant content is rarely the best match and costs
    // search time proportional to its area.
    const int margin = std::max(4 * patch, std::max(bbox.width, bbox.height));
    const cv::Rect roi = cv::Rect(bbox.x - margin, bbox.y - margin, bbox.width + 2 * margin,
                                  bbox.height + 2 * margin) &
                         cv::Rect(0, 0, image.cols, image.rows);

    std::vector<Level> levels(1);
    levels[0].image = image(roi).clone();
    levels[0].hole = (hole(roi) != 0);
    while (true) {
        const Level& fine = levels.back();
        const cv::Rect holeBox = cv::boundingRect(fine.hole);
        if (std::min(fine.image.cols, fine.image.rows) < 6 * patch ||
            std::max(holeBox.width, holeBox.height) <= 2 * patch)
            break;
        Level coarse;
        const cv::Size half((fine.image.cols + 1) / 2, (fine.image.rows + 1) / 2);
        cv::resize(fine.image, coarse.image, half, 0, 0, cv::INTER_AREA);
        cv::resize(fine.hole, coarse.hole, half, 0, 0, cv::INTER_AREA);
        coarse.hole = coarse.hole > 0;
        levels.push_back(std::move(coarse));
    }

    std::mt19937_64 rng(options.seed);
    std::vector<cv::Point> previousNnf;
    std::vector<cv::Point> previousTargets;
    cv::Size previousSize;
    bool matched = false;
    for (int l = int(levels.size()) - 1; l >= 0; --l) {
        Level& level = levels[std::size_t(l)];
        if (l == int(levels.size()) - 1) {
            pushPullFill(level.image, level.hole == 0);
        } else {
            cv::Mat up;
            cv::resize(levels[std::size_t(l + 1)].image, up, level.image.size(), 0, 0,
                       cv::INTER_LINEAR);
            up.copyTo(level.image, level.hole);
        }
        Solver solver(level, patch, rng);
        if (!solver.hasSources()) {
            previousNnf.clear();
            continue;
        }
        std::vector<cv::Point> guesses(solver.targets().size(), cv::Point(-1, -1));
        if (!previousNnf.empty()) {
            cv::Mat index(previousSize, CV_32S, cv::Scalar(-1));
            for (std::size_t i = 0; i < previousTargets.size(); ++i)
                index.at<int>(previousTargets[i]) = int(i);
            for (std::size_t i = 0; i < guesses.size(); ++i) {
                const cv::Point t = solver.targets()[i];
                const cv::Point c(std::min(t.x / 2, previousSize.width - 1),
                                  std::min(t.y / 2, previousSize.height - 1));
                const int j = index.at<int>(c);
                if (j >= 0)
                    guesses[i] = previousNnf[std::size_t(j)] * 2 + cv::Point(t.x % 2, t.y % 2);
            }
        }
        solver.seedNnf(guesses);
        for (int it = 0; it < std::max(1, options.iterations); ++it) {
            checkCancelled();
            solver.search();
            solver.vote();
        }
        previousNnf = solver.nnf();
        previousTargets = solver.targets();
        previousSize = level.image.size();
        matched = true;
    }
    levels[0].image.copyTo(image(roi), levels[0].hole);
    return matched;
}

} // namespace retake::generation::detail

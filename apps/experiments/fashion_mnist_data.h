// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017) as Debian's dataset-fashion-mnist installs it: 60,000 training and
// 10,000 test images of 28x28 grey pixels in ten clothing classes, read from the IDX files with pixels scaled to
// [0, 1] and the labels also as one-hot rows for softmax cross-entropy. A limit keeps only the first images of each
// set, for quick runs and tests.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "vkrl/nn/data/idx.h"

namespace vkrl::apps {

inline constexpr int kFashionClasses = 10;
extern const std::array<const char*, kFashionClasses> kFashionClassNames;

struct LabelledImages {
  nn::data::ImageSet images;
  std::vector<float> one_hot;  // count x 10
};

struct FashionMnist {
  LabelledImages train, test;
};

// limit <= 0 keeps every image. Throws vkrl::Error naming the missing file and the package to install.
FashionMnist load_fashion_mnist(int train_limit, int test_limit);

}  // namespace vkrl::apps

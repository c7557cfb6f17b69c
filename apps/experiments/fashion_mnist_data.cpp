// Reading Fashion-MNIST from Debian's dataset-fashion-mnist.
#include "experiments/fashion_mnist_data.h"

#include <filesystem>

#include "vkrl/error.h"

namespace vkrl::apps {

const std::array<const char*, kFashionClasses> kFashionClassNames = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

namespace {

const std::filesystem::path kDirectory = "/usr/share/datasets/fashion-mnist";

LabelledImages read_set(const std::string& prefix, int limit) {
  const std::filesystem::path images = kDirectory / (prefix + "-images-idx3-ubyte.gz");
  const std::filesystem::path labels = kDirectory / (prefix + "-labels-idx1-ubyte.gz");
  for (const auto& file : {images, labels})
    if (!std::filesystem::exists(file))
      throw Error(file.string() + ": not found (install Debian's dataset-fashion-mnist)");
  LabelledImages set{.images = nn::data::read_idx_images(images, labels), .one_hot = {}};
  nn::data::ImageSet& s = set.images;
  if (limit > 0 && limit < s.count) {
    s.count = limit;
    s.pixels.resize(size_t(limit) * size_t(s.height * s.width));
    s.labels.resize(size_t(limit));
  }
  set.one_hot.assign(size_t(s.count) * kFashionClasses, 0.0f);
  for (int i = 0; i < s.count; ++i) {
    const int label = s.labels[size_t(i)];
    if (label < 0 || label >= kFashionClasses)
      throw Error(labels.string() + ": label " + std::to_string(label) + " of image " + std::to_string(i) +
                  " is not a class 0-9");
    set.one_hot[size_t(i * kFashionClasses + label)] = 1.0f;
  }
  return set;
}

}  // namespace

FashionMnist load_fashion_mnist(int train_limit, int test_limit) {
  return {read_set("train", train_limit), read_set("t10k", test_limit)};
}

}  // namespace vkrl::apps

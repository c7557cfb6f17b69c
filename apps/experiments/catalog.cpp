// The list of experiments, one line each. Each experiment's code is its own file in this folder.
#include "experiments/experiment.h"

namespace vkrl::apps {

const std::vector<Experiment>& all_experiments() {
  static const std::vector<Experiment> experiments = {
      {"blobs2d", "The course's 2D classifier: five clouds, Dense 64-64-2, SGD Nesterov (REFERENCE.md 9.1)", run_blobs2d},
      {"electricity", "Demand forecasting, next 24 h from the last 48: ridge, SVR, FF, LSTM, CNN (REFERENCE.md 9.4)",
       run_electricity, electricity_flags(), "cnn_test_mse", false},
      {"fashion-cnn", "The course's MNIST CNN (conv 20 5x5, pool, dense 100) on Fashion-MNIST (REFERENCE.md 9.3)",
       run_fashion_cnn, fashion_cnn_flags(), "test_accuracy"},
      {"fashion-cnn-bn-l2", "The course's CNN with batch norm after the conv and L2 on the dense layer (Fashion-MNIST)",
       run_fashion_cnn_bn_l2, fashion_cnn_bn_l2_flags(), "test_accuracy"},
      {"fashion-mlp", "The course's MNIST multilayer perceptron on Fashion-MNIST (REFERENCE.md 9.3)", run_fashion_mlp,
       fashion_mlp_flags(), "test_accuracy"},
      {"optimizers", "Every optimizer on the same MLP and Fashion-MNIST subset: loss curves (REFERENCE.md 9.6)",
       run_optimizers, optimizers_flags(), "best_test_accuracy"},
      {"playground", "The TensorFlow-playground tasks: blobs, XOR, circle, spiral (REFERENCE.md 9.2)", run_playground,
       playground_flags(), "mean_test_accuracy"},
      {"sb-cliff", "Sutton & Barto Figure 6.4: Sarsa vs Q-learning on cliff walking", run_sb_cliff},
      {"sb-gridworld", "Sutton & Barto Figures 4.1, 3.2, 3.5: value tables by dynamic programming", run_sb_gridworld},
      {"sb-windy", "Sutton & Barto Figure 6.3: Sarsa on the windy gridworld (and king's moves)", run_sb_windy},
  };
  return experiments;
}

}  // namespace vkrl::apps

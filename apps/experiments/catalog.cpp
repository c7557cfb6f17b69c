// The list of experiments, one entry each: name, description, code, flags, key metric and the published reference.
// Each experiment's code is its own file in this folder.
#include "experiments/experiment.h"

namespace vkrl::apps {

const std::vector<Experiment>& all_experiments() {
  static const std::vector<Experiment> experiments = {
      {"autoencoder", "The course's autoencoders: 8-3-8 identity codes, Fashion-MNIST in a 2-D latent plane",
       run_autoencoder, autoencoder_flags(), "latent_knn_accuracy", true,
       "course 9g: the 8-3-8 code table and MNIST's 2-D code (figures, no numbers)"},
      {"blobs2d", "The course's 2D classifier: five clouds, Dense 64-64-2, SGD Nesterov (REFERENCE.md 9.1)", run_blobs2d,
       {}, {}, true, "course 9a: loss 0.4670 after epoch 1, 0.1305 after epoch 13"},
      {"charlstm", "A character-level LSTM on Spanish quotations (fortunes-es): held-out perplexity, samples "
                   "(REFERENCE.md 9.5)",
       run_charlstm, charlstm_flags(), "final_heldout_perplexity", false,
       "course 9e: Spanish poetry at epoch 1000 vs 10000 (samples, no numbers)"},
      {"electricity", "Demand forecasting, next 24 h from the last 48: ridge, SVR, FF, LSTM, CNN (REFERENCE.md 9.4)",
       run_electricity, electricity_flags(), "cnn_test_mse", false,
       "course 9d: test MSE x1e-4 FF 9.04, LSTM 5.99, CNN 6.00, ridge 31.51, SVR 7.58"},
      {"fashion-cnn", "The course's MNIST CNN (conv 20 5x5, pool, dense 100) on Fashion-MNIST (REFERENCE.md 9.3)",
       run_fashion_cnn, fashion_cnn_flags(), "test_accuracy", true,
       "course 9c: 98.54 % on MNIST; Fashion-MNIST README 2-conv 91.6 %"},
      {"fashion-cnn-bn-l2", "The course's CNN with batch norm after the conv and L2 on the dense layer (Fashion-MNIST)",
       run_fashion_cnn_bn_l2, fashion_cnn_bn_l2_flags(), "test_accuracy", true, "course 9c: 97.18 % on MNIST"},
      {"fashion-mlp", "The course's MNIST multilayer perceptron on Fashion-MNIST (REFERENCE.md 9.3)", run_fashion_mlp,
       fashion_mlp_flags(), "test_accuracy", true, "course 9c: 98.03 % on MNIST; Fashion-MNIST README MLP 88.33 %"},
      {"optimizers", "Every optimizer on the same MLP and Fashion-MNIST subset: loss curves (REFERENCE.md 9.6)",
       run_optimizers, optimizers_flags(), "best_test_accuracy", true, "course 9f: the optimizers' list (no numbers)"},
      {"playground", "The TensorFlow-playground tasks: blobs, XOR, circle, spiral (REFERENCE.md 9.2)", run_playground,
       playground_flags(), "mean_test_accuracy", true, "course 9b: spiral needs sin features and tanh"},
      {"sb-cliff", "Sutton & Barto Figure 6.4: Sarsa vs Q-learning on cliff walking", run_sb_cliff, {}, {}, true,
       "Sutton & Barto Fig 6.4: Sarsa about -25, Q-learning about -50 per episode"},
      {"sb-gridworld", "Sutton & Barto Figures 4.1, 3.2, 3.5: value tables by dynamic programming", run_sb_gridworld,
       {}, {}, true, "Sutton & Barto Figs 4.1, 3.2, 3.5: v*(A) = 24.4"},
      {"sb-windy", "Sutton & Barto Figure 6.3: Sarsa on the windy gridworld (and king's moves)", run_sb_windy, {}, {},
       true, "Sutton & Barto Fig 6.3: a 15-step path (7 with king's moves)"},
      {"vae", "A variational autoencoder on Fashion-MNIST: reparameterisation, KL + reconstruction, prior samples",
       run_vae, vae_flags(), "test_loss", false, "Kingma & Welling 2014 (figures; no numbers for Fashion-MNIST)"},
  };
  return experiments;
}

}  // namespace vkrl::apps

#version 450
// One optimizer update per parameter element, in the forms nn/backend.h documents for OptimizerKind (p.kind is its
// value). Step holds [lr, t, mu_product], rewritten by the host before each step, so a captured step replays with new
// values. S0..S2 are the rule's state tensors in optimizer_state_names' order (unused ones are bound to anything).
// The host passes 1 - beta and log(beta) formed in double: in float, 1 - 0.999 alone would lose four digits.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint n, offStep, offP, offG, off0, off1, off2;
  uint kind, nesterov, centered, has_momentum;
  float momentum, rho, one_minus_rho;
  float beta1, one_minus_beta1, log_beta1;
  float beta2, one_minus_beta2, log_beta2;
  float epsilon, weight_decay;
} p;

layout(std430, binding = 0) readonly buffer BufStep { float Step[]; };
layout(std430, binding = 1) buffer BufP { float P[]; };
layout(std430, binding = 2) readonly buffer BufG { float G[]; };
layout(std430, binding = 3) buffer BufS0 { float S0[]; };
layout(std430, binding = 4) buffer BufS1 { float S1[]; };
layout(std430, binding = 5) buffer BufS2 { float S2[]; };

const uint SGD = 0, ADAGRAD = 1, ADADELTA = 2, RMSPROP = 3, ADAM = 4, ADAMW = 5, ADAMAX = 6, NADAM = 7;

// 1 - beta^t from log(beta), without the cancellation of 1 - pow(beta, t) when beta^t is near 1.
float one_minus_power(float log_beta, float t) {
  const float x = t * log_beta;  // <= 0
  if (x > -0.25) return -x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0 + x * (1.0 / 120.0 + x / 720.0)))));
  return 1.0 - exp(x);
}

void main() {
  const float lr = Step[p.offStep], t = Step[p.offStep + 1], mu_product = Step[p.offStep + 2];
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const float g = G[p.offG + i];
    float param = P[p.offP + i];
    switch (p.kind) {
      case SGD:
        if (p.has_momentum == 0) {
          param -= lr * g;
        } else {
          const float v = p.momentum * S0[p.off0 + i] + g;
          S0[p.off0 + i] = v;
          param -= lr * (p.nesterov != 0 ? g + p.momentum * v : v);
        }
        break;
      case ADAGRAD: {
        const float a = S0[p.off0 + i] + g * g;
        S0[p.off0 + i] = a;
        param -= lr * g / (sqrt(a) + p.epsilon);
        break;
      }
      case ADADELTA: {
        const float a = p.rho * S0[p.off0 + i] + p.one_minus_rho * g * g;
        const float s = S1[p.off1 + i];
        const float delta = sqrt(s + p.epsilon) / sqrt(a + p.epsilon) * g;
        S0[p.off0 + i] = a;
        S1[p.off1 + i] = p.rho * s + p.one_minus_rho * delta * delta;
        param -= lr * delta;
        break;
      }
      case RMSPROP: {
        const float v = p.rho * S0[p.off0 + i] + p.one_minus_rho * g * g;
        S0[p.off0 + i] = v;
        float den;
        if (p.centered != 0) {
          const float c = p.rho * S1[p.off1 + i] + p.one_minus_rho * g;
          S1[p.off1 + i] = c;
          den = sqrt(v - c * c) + p.epsilon;
        } else {
          den = sqrt(v) + p.epsilon;
        }
        if (p.has_momentum != 0) {
          float b;
          if (p.centered != 0) {
            b = p.momentum * S2[p.off2 + i] + g / den;
            S2[p.off2 + i] = b;
          } else {
            b = p.momentum * S1[p.off1 + i] + g / den;
            S1[p.off1 + i] = b;
          }
          param -= lr * b;
        } else {
          param -= lr * g / den;
        }
        break;
      }
      case ADAM:
      case ADAMW: {
        if (p.kind == ADAMW) param -= lr * p.weight_decay * param;
        const float m = p.beta1 * S0[p.off0 + i] + p.one_minus_beta1 * g;
        const float v = p.beta2 * S1[p.off1 + i] + p.one_minus_beta2 * g * g;
        S0[p.off0 + i] = m;
        S1[p.off1 + i] = v;
        const float alpha = lr * sqrt(one_minus_power(p.log_beta2, t)) / one_minus_power(p.log_beta1, t);
        param -= alpha * m / (sqrt(v) + p.epsilon);
        break;
      }
      case ADAMAX: {
        const float m = p.beta1 * S0[p.off0 + i] + p.one_minus_beta1 * g;
        const float u = max(p.beta2 * S1[p.off1 + i], abs(g));
        S0[p.off0 + i] = m;
        S1[p.off1 + i] = u;
        param -= lr / one_minus_power(p.log_beta1, t) * m / (u + p.epsilon);
        break;
      }
      case NADAM: {
        const float mu_t = p.beta1 * (1.0 - 0.5 * pow(0.96, t));
        const float mu_next = p.beta1 * (1.0 - 0.5 * pow(0.96, t + 1.0));
        const float m = p.beta1 * S0[p.off0 + i] + p.one_minus_beta1 * g;
        const float v = p.beta2 * S1[p.off1 + i] + p.one_minus_beta2 * g * g;
        S0[p.off0 + i] = m;
        S1[p.off1 + i] = v;
        const float m_hat = mu_next / (1.0 - mu_product * mu_next) * m + (1.0 - mu_t) / (1.0 - mu_product) * g;
        const float v_hat = v / one_minus_power(p.log_beta2, t);
        param -= lr * m_hat / (sqrt(v_hat) + p.epsilon);
        break;
      }
    }
    P[p.offP + i] = param;
  }
}

#version 450
// The value-based RL ops of nn/backend.h, one invocation per batch row of a rows x cols (actions) Q matrix, chosen by
// MODE: 0 q_targets, 1 td_loss (per-row loss terms into Terms, which nn_reduce then averages), 2 dueling, 3
// dueling_backward. Binding i's first float is at offset off[i].
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint rows, cols;
  uint off0, off1, off2, off3, off4, off5, off6;
  float delta;
} p;

#if MODE == 0
layout(std430, binding = 0) readonly buffer BufQt { float NextQTarget[]; };
layout(std430, binding = 1) readonly buffer BufQs { float NextQSelect[]; };
layout(std430, binding = 2) readonly buffer BufR { float Rewards[]; };
layout(std430, binding = 3) readonly buffer BufD { float Discounts[]; };
layout(std430, binding = 4) writeonly buffer BufY { float Targets[]; };
#elif MODE == 1
layout(std430, binding = 0) readonly buffer BufQ { float Q[]; };
layout(std430, binding = 1) readonly buffer BufA { float Actions[]; };
layout(std430, binding = 2) readonly buffer BufY { float Targets[]; };
layout(std430, binding = 3) readonly buffer BufW { float Weights[]; };
layout(std430, binding = 4) writeonly buffer BufDQ { float DQ[]; };
layout(std430, binding = 5) writeonly buffer BufTD { float AbsTD[]; };
layout(std430, binding = 6) writeonly buffer BufTerms { float Terms[]; };
#elif MODE == 2
layout(std430, binding = 0) readonly buffer BufV { float Value[]; };
layout(std430, binding = 1) readonly buffer BufA { float Advantage[]; };
layout(std430, binding = 2) writeonly buffer BufQ { float Q[]; };
#else
layout(std430, binding = 0) readonly buffer BufDQ { float DQ[]; };
layout(std430, binding = 1) writeonly buffer BufDV { float DValue[]; };
layout(std430, binding = 2) writeonly buffer BufDA { float DAdvantage[]; };
#endif

void row(uint b) {
  const uint first = b * p.cols;
#if MODE == 0
  // Ties take the first action, as the CPU backend's argmax does.
  uint best = 0;
  for (uint a = 1; a < p.cols; ++a)
    if (NextQSelect[p.off1 + first + a] > NextQSelect[p.off1 + first + best]) best = a;
  Targets[p.off4 + b] = Rewards[p.off2 + b] + Discounts[p.off3 + b] * NextQTarget[p.off0 + first + best];
#elif MODE == 1
  const float action = Actions[p.off1 + b];
  for (uint a = 0; a < p.cols; ++a) DQ[p.off4 + first + a] = 0.0;
  if (!(action >= 0.0 && action < float(p.cols))) {
    // A kernel cannot throw: an action outside the row makes the loss NaN, which the caller will see.
    AbsTD[p.off5 + b] = 0.0;
    Terms[p.off6 + b] = uintBitsToFloat(0x7fc00000u);
    return;
  }
  const uint taken = uint(action);
  const float r = Q[p.off0 + first + taken] - Targets[p.off2 + b];
  const bool squared = p.delta <= 0.0, quadratic = squared || abs(r) <= p.delta;
  const float value = squared ? r * r : quadratic ? 0.5 * r * r : p.delta * (abs(r) - 0.5 * p.delta);
  const float slope = squared ? 2.0 * r : quadratic ? r : sign(r) * p.delta;
  const float w = Weights[p.off3 + b];
  DQ[p.off4 + first + taken] = w * slope / float(p.rows);
  AbsTD[p.off5 + b] = abs(r);
  Terms[p.off6 + b] = w * value;
#elif MODE == 2
  float mean = 0.0;
  for (uint a = 0; a < p.cols; ++a) mean += Advantage[p.off1 + first + a];
  const float shift = Value[p.off0 + b] - mean / float(p.cols);
  for (uint a = 0; a < p.cols; ++a) Q[p.off2 + first + a] = Advantage[p.off1 + first + a] + shift;
#else
  float sum = 0.0;
  for (uint a = 0; a < p.cols; ++a) sum += DQ[p.off0 + first + a];
  DValue[p.off1 + b] = sum;
  const float mean = sum / float(p.cols);
  for (uint a = 0; a < p.cols; ++a) DAdvantage[p.off2 + first + a] = DQ[p.off0 + first + a] - mean;
#endif
}

void main() {
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint b = gl_GlobalInvocationID.x; b < p.rows; b += stride) row(b);
}

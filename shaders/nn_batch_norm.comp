#version 450
// Batch normalisation over x seen as [N, C, inner], statistics per channel, one workgroup per channel with tree sums
// in shared memory (a fixed order: the same bits every run). MODE 0 trains: batch mean and biased variance, the saved
// mean and 1 / sqrt(var + eps), running = momentum running + (1 - momentum) batch, and y. MODE 1 normalises with the
// running statistics. MODE 2 is the backward pass: dbeta = sum dy, dgamma = sum dy xhat, and
// dx = gamma inv_std / m (m dy - dbeta - xhat dgamma) with m = N inner.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint N, C, inner;
  uint off0, off1, off2, off3, off4, off5, off6, off7;  // one per binding
  float momentum, epsilon;
} p;

layout(std430, binding = 0) readonly buffer BufX { float X[]; };
layout(std430, binding = 1) readonly buffer BufGamma { float Gamma[]; };
#if MODE == 2
layout(std430, binding = 2) readonly buffer BufMean { float SavedMean[]; };
layout(std430, binding = 3) readonly buffer BufInvStd { float SavedInvStd[]; };
layout(std430, binding = 4) readonly buffer BufDY { float DY[]; };
layout(std430, binding = 5) writeonly buffer BufDX { float DX[]; };
layout(std430, binding = 6) writeonly buffer BufDGamma { float DGamma[]; };
layout(std430, binding = 7) writeonly buffer BufDBeta { float DBeta[]; };
#else
layout(std430, binding = 2) readonly buffer BufBeta { float Beta[]; };
layout(std430, binding = 3) buffer BufRunningMean { float RunningMean[]; };
layout(std430, binding = 4) buffer BufRunningVar { float RunningVar[]; };
#if MODE == 0
layout(std430, binding = 5) writeonly buffer BufMean { float SavedMean[]; };
layout(std430, binding = 6) writeonly buffer BufInvStd { float SavedInvStd[]; };
layout(std430, binding = 7) writeonly buffer BufY { float Y[]; };
#else
layout(std430, binding = 5) writeonly buffer BufY { float Y[]; };
#endif
#endif

shared float sum_a[gl_WorkGroupSize.x];
shared float sum_b[gl_WorkGroupSize.x];

uint element(uint c, uint j) { return (j / p.inner) * p.C * p.inner + c * p.inner + j % p.inner; }

// Tree sums of every invocation's a and b; all invocations get the totals.
vec2 workgroup_sum(float a, float b) {
  const uint lid = gl_LocalInvocationID.x;
  sum_a[lid] = a;
  sum_b[lid] = b;
  barrier();
  for (uint half_ = gl_WorkGroupSize.x / 2; half_ > 0; half_ /= 2) {
    if (lid < half_) {
      sum_a[lid] += sum_a[lid + half_];
      sum_b[lid] += sum_b[lid + half_];
    }
    barrier();
  }
  const vec2 total = vec2(sum_a[0], sum_b[0]);
  barrier();  // before the shared arrays are used again
  return total;
}

void main() {
  const uint lid = gl_LocalInvocationID.x, step = gl_WorkGroupSize.x;
  const uint m = p.N * p.inner;
  for (uint c = gl_WorkGroupID.x; c < p.C; c += gl_NumWorkGroups.x) {
    const float gamma = Gamma[p.off1 + c];
#if MODE == 0
    float s = 0.0;
    for (uint j = lid; j < m; j += step) s += X[p.off0 + element(c, j)];
    const float mean = workgroup_sum(s, 0.0).x / float(m);
    float v = 0.0;
    for (uint j = lid; j < m; j += step) {
      const float d = X[p.off0 + element(c, j)] - mean;
      v += d * d;
    }
    const float var = workgroup_sum(v, 0.0).x / float(m);
    const float inv_std = 1.0 / sqrt(var + p.epsilon);
    if (lid == 0) {
      SavedMean[p.off5 + c] = mean;
      SavedInvStd[p.off6 + c] = inv_std;
      RunningMean[p.off3 + c] = p.momentum * RunningMean[p.off3 + c] + (1.0 - p.momentum) * mean;
      RunningVar[p.off4 + c] = p.momentum * RunningVar[p.off4 + c] + (1.0 - p.momentum) * var;
    }
    const float beta = Beta[p.off2 + c];
    for (uint j = lid; j < m; j += step) {
      const uint e = element(c, j);
      Y[p.off7 + e] = gamma * (X[p.off0 + e] - mean) * inv_std + beta;
    }
#elif MODE == 1
    const float mean = RunningMean[p.off3 + c], inv_std = 1.0 / sqrt(RunningVar[p.off4 + c] + p.epsilon);
    const float beta = Beta[p.off2 + c];
    for (uint j = lid; j < m; j += step) {
      const uint e = element(c, j);
      Y[p.off5 + e] = gamma * (X[p.off0 + e] - mean) * inv_std + beta;
    }
#else
    const float mean = SavedMean[p.off2 + c], inv_std = SavedInvStd[p.off3 + c];
    float sdy = 0.0, sdyx = 0.0;
    for (uint j = lid; j < m; j += step) {
      const uint e = element(c, j);
      const float dy = DY[p.off4 + e];
      sdy += dy;
      sdyx += dy * (X[p.off0 + e] - mean) * inv_std;
    }
    const vec2 sums = workgroup_sum(sdy, sdyx);
    if (lid == 0) {
      DBeta[p.off7 + c] = sums.x;
      DGamma[p.off6 + c] = sums.y;
    }
    const float k = gamma * inv_std / float(m);
    for (uint j = lid; j < m; j += step) {
      const uint e = element(c, j);
      const float xhat = (X[p.off0 + e] - mean) * inv_std;
      DX[p.off5 + e] = k * (float(m) * DY[p.off4 + e] - sums.x - xhat * sums.y);
    }
#endif
  }
}

#version 450
// 2-D pooling per channel over NCHW images (planes = N C), max or average over the in-bounds cells of each window
// (padding is ignored; a window wholly in the padding gives 0). MODE 0: forward, one invocation per output (In = x,
// Out = y). MODE 1: backward, one invocation per input cell gathering from every window that covers it (In = x, DY,
// Out = dx); max pooling's gradient goes to the first cell of a window that holds its maximum, found again from x. No
// atomics: the same bits each run.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint planes, H, W, OH, OW;
  uint KH, KW, SH, SW, PH, PW, DH, DW;
  uint average;
  uint offIn, offDY, offOut;
} p;

layout(std430, binding = 0) readonly buffer BufIn { float In[]; };
#if MODE == 1
layout(std430, binding = 1) readonly buffer BufDY { float DY[]; };
layout(std430, binding = 2) writeonly buffer BufOut { float Out[]; };
#else
layout(std430, binding = 1) writeonly buffer BufOut { float Out[]; };
#endif

// The window of output (oh, ow) on plane `plane`: its maximum's first cell as kh * KW + kw, or its mean, and the
// number of in-bounds cells.
struct Window {
  float value;
  uint first_max;
  uint cells;
};

Window pool(uint plane, uint oh, uint ow) {
  const int h0 = int(oh * p.SH) - int(p.PH), w0 = int(ow * p.SW) - int(p.PW);
  Window r = Window(0.0, 0, 0);
  for (uint kh = 0; kh < p.KH; ++kh) {
    const int h = h0 + int(kh * p.DH);
    if (h < 0 || h >= int(p.H)) continue;
    for (uint kw = 0; kw < p.KW; ++kw) {
      const int w = w0 + int(kw * p.DW);
      if (w < 0 || w >= int(p.W)) continue;
      const float x = In[p.offIn + (plane * p.H + uint(h)) * p.W + uint(w)];
      if (p.average != 0) {
        r.value += x;
      } else if (r.cells == 0 || x > r.value) {
        r.value = x;
        r.first_max = kh * p.KW + kw;
      }
      ++r.cells;
    }
  }
  if (p.average != 0 && r.cells > 0) r.value /= float(r.cells);  // a window wholly in the padding reads 0
  return r;
}

#if MODE == 0
uint count() { return p.planes * p.OH * p.OW; }
float compute(uint i) {
  return pool(i / (p.OH * p.OW), (i / p.OW) % p.OH, i % p.OW).value;
}
#else
uint count() { return p.planes * p.H * p.W; }
float compute(uint i) {
  const uint w = i % p.W, h = (i / p.W) % p.H, plane = i / (p.W * p.H);
  float s = 0.0;
  for (uint kh = 0; kh < p.KH; ++kh) {
    const int th = int(h + p.PH) - int(kh * p.DH);
    if (th < 0 || th % int(p.SH) != 0 || th / int(p.SH) >= int(p.OH)) continue;
    const uint oh = uint(th) / p.SH;
    for (uint kw = 0; kw < p.KW; ++kw) {
      const int tw = int(w + p.PW) - int(kw * p.DW);
      if (tw < 0 || tw % int(p.SW) != 0 || tw / int(p.SW) >= int(p.OW)) continue;
      const uint ow = uint(tw) / p.SW;
      const Window win = pool(plane, oh, ow);
      const float dy = DY[p.offDY + (plane * p.OH + oh) * p.OW + ow];
      if (p.average != 0)
        s += dy / float(win.cells);
      else if (win.first_max == kh * p.KW + kw)
        s += dy;
    }
  }
  return s;
}
#endif

void main() {
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < count(); i += stride) Out[p.offOut + i] = compute(i);
}

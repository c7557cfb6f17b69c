// Viewer is the SDL2 window that shows composed frames (panel.h) and reports key presses and mouse clicks. It runs
// headless when SDL's video driver is "dummy" (SDL_VIDEODRIVER=dummy, as the tests set) or no display can be opened
// (SDL then falls back to "offscreen", or fails): nothing is shown, no key arrives, and the command's loop runs
// unchanged, still producing frames for recording.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/frame.h"
#include "window/key.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;

namespace vkrl::apps {

class Viewer {
public:
  explicit Viewer(std::string title);
  ~Viewer();
  Viewer(const Viewer&) = delete;
  Viewer& operator=(const Viewer&) = delete;

  bool headless() const { return headless_; }
  // Why the viewer is headless ("SDL_VIDEODRIVER=dummy", SDL's error); empty when it shows a window.
  const std::string& headless_reason() const { return headless_reason_; }
  // Shows the frame, resizing the window to it; nothing when headless.
  void show(const envs::Frame& frame);
  // The keys pressed since the last call; closing the window reports Key::q.
  std::vector<KeyPress> poll();
  // Waits up to `ms` milliseconds for a key or close, returning early when one arrives (play waits on the person).
  std::vector<KeyPress> wait(int ms);

private:
  std::string title_;
  bool video_ = false;  // SDL's video subsystem is up and must be shut down
  bool headless_ = true;
  std::string headless_reason_;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  SDL_Texture* texture_ = nullptr;
  int texture_width_ = 0, texture_height_ = 0;
};

}  // namespace vkrl::apps

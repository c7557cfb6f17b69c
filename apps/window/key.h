// The keys and clicks the viewer reports, independent of SDL so that commands and their tests can interpret them.
#pragma once

namespace vkrl::apps {

// Key::click is a left mouse click at (x, y) in the shown frame's pixels.
enum class Key { up, down, left, right, space, n, r, s, q, escape, plus, minus, digit, h, u, click };

struct KeyPress {
  Key key;
  int digit = 0;  // 1-9 for Key::digit
  int x = 0, y = 0;  // for Key::click
};

}  // namespace vkrl::apps

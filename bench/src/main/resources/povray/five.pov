// raypool's benchmark scene "five" (frame 0) for POV-Ray 3.7, written from c-ray 1.1's five.scn and
// the built-in scene raypool.engine.scene.FiveSpheres, so that scripts/compare-povray times the same
// work in both renderers: five spheres over a floor, two white point lights without attenuation,
// diffuse N.L plus a Phong highlight of exponent 50, hard shadows, mirror reflection (0.5 on the
// spheres, 0.3 on the floor), no ambient light, black background, at most 5 ray levels, one ray per
// pixel (render with -A, no anti-aliasing). c-ray's floor is a sphere of radius 10000; here it is the
// plane it approximates.

#version 3.7;

global_settings {
  assumed_gamma 1.0
  max_trace_level 5      // the primary ray and up to four reflections, as c-ray's MAX_RAY_DEPTH 5
  ambient_light rgb 0
}

background { rgb 0 }

// c-ray 1.1's camera, reproduced with explicit vectors. View direction k = unit(target - position)
// = (0, -0.2425, 0.9701) for position (0, 6, -20) and target (0, 1, 0); c-ray builds i = (0,1,0) x k
// and j = k x i without normalising them (length 0.9701). A pixel's ray is
//   k / (pi/8) + (x - 0.5) i + (0.65 - y) j / aspect + position / 1000   (x, y in [0, 1])
// (the fov field is ignored, the image centre is 0.15 of the height above the axis, and c-ray adds
// the camera position, divided here by its ray length 1000, to every direction). POV-Ray's ray is
// direction + u right + v up with u, v in [-0.5, 0.5], so the centre shift and the position go into
// the direction vector.
#declare K = <0, -0.242536, 0.970143>;
#declare I = <0.970143, 0, 0>;
#declare J = <0, 0.941176, 0.235294>;
#declare Aspect = 800 / 600;
camera {
  perspective
  location <0, 6, -20>
  right I
  up J / Aspect
  direction K / (pi / 8) + 0.15 * J / Aspect + <0, 6, -20> / 1000
}

light_source { <-10, 20, -10> color rgb 1 }
light_source { <10, 15, -20> color rgb 1 }

#macro Shiny(R, G, B)
  texture {
    pigment { color rgb <R, G, B> }
    finish { ambient 0 emission 0 diffuse 1 brilliance 1 phong 1 phong_size 50 reflection 0.5 }
  }
#end

plane {
  y, 0
  texture {
    pigment { color rgb 0.5 }
    finish { ambient 0 emission 0 diffuse 1 brilliance 1 reflection 0.3 }
  }
}

sphere { <-2.4, 1.0,  0.0>, 1.0  Shiny(1.0, 0.2, 0.2) }
sphere { < 0.0, 1.0,  1.5>, 1.0  Shiny(0.2, 1.0, 0.2) }
sphere { < 2.4, 1.0,  0.0>, 1.0  Shiny(0.2, 0.2, 1.0) }
sphere { <-1.2, 0.7, -2.2>, 0.7  Shiny(1.0, 1.0, 0.2) }
sphere { < 1.2, 1.8, -2.0>, 0.7  Shiny(0.9, 0.9, 0.9) }

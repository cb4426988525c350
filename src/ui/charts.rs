//! Line charts drawn as plain SVG from our own small geometry, tested natively: a frame that maps values to pixels,
//! path data for a series, and a band for the baseline (issue 14's progress view). No chart library: the SVG the
//! view writes is all there is, so screen readers get the data table beside it and print gets the same drawing.

/// The values an axis shows, from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// The value at the start of the axis.
    pub min: f64,
    /// The value at the end of the axis.
    pub max: f64,
}

/// The drawing area: its size in pixels, the margins kept for labels, and the two axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Width of the whole chart.
    pub width: f64,
    /// Height of the whole chart.
    pub height: f64,
    /// Room on the left for the value labels.
    pub left: f64,
    /// Room on the right.
    pub right: f64,
    /// Room at the top.
    pub top: f64,
    /// Room at the bottom for the week labels.
    pub bottom: f64,
    /// The horizontal axis (weeks).
    pub x: Axis,
    /// The vertical axis (scores); larger values are drawn higher.
    pub y: Axis,
}

impl Frame {
    /// The horizontal pixel of value `x`.
    pub fn px(&self, x: f64) -> f64 {
        let span = (self.x.max - self.x.min).max(f64::EPSILON);
        self.left + (x - self.x.min) / span * (self.width - self.left - self.right)
    }

    /// The vertical pixel of value `y` (SVG counts down from the top, so the axis is turned over).
    pub fn py(&self, y: f64) -> f64 {
        let span = (self.y.max - self.y.min).max(f64::EPSILON);
        self.top + (self.y.max - y) / span * (self.height - self.top - self.bottom)
    }

    /// SVG path data through `points` (x, y) in order, to one decimal; empty for no points.
    pub fn line(&self, points: &[(f64, f64)]) -> String {
        points
            .iter()
            .enumerate()
            .map(|(k, (x, y))| {
                let command = if k == 0 { 'M' } else { 'L' };
                format!("{command}{:.1} {:.1}", self.px(*x), self.py(*y))
            })
            .collect()
    }

    /// The top and height in pixels of a band between values `a` and `b` (in either order).
    pub fn band(&self, a: f64, b: f64) -> (f64, f64) {
        let (top, bottom) = (self.py(a.max(b)), self.py(a.min(b)));
        (top, bottom - top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 0–10 score over weeks 1–12 in a 320 × 200 chart with 40 px left and 30 px bottom margins.
    const FRAME: Frame = Frame {
        width: 320.0,
        height: 200.0,
        left: 40.0,
        right: 10.0,
        top: 10.0,
        bottom: 30.0,
        x: Axis {
            min: 1.0,
            max: 12.0,
        },
        y: Axis {
            min: 0.0,
            max: 10.0,
        },
    };

    #[test]
    fn values_map_to_pixels_inside_the_margins() {
        assert_eq!(FRAME.px(1.0), 40.0);
        assert_eq!(FRAME.px(12.0), 310.0);
        assert_eq!(FRAME.py(10.0), 10.0, "the top of the scale at the top");
        assert_eq!(
            FRAME.py(0.0),
            170.0,
            "0 at the bottom, above the week labels"
        );
        assert_eq!(FRAME.py(5.0), 90.0);
    }

    #[test]
    fn a_series_becomes_one_path_through_its_points() {
        assert_eq!(
            FRAME.line(&[(1.0, 6.0), (2.0, 5.0), (12.0, 4.0)]),
            "M40.0 74.0L64.5 90.0L310.0 106.0"
        );
        assert_eq!(FRAME.line(&[]), "");
    }

    #[test]
    fn a_band_runs_between_its_two_values_whichever_comes_first() {
        assert_eq!(FRAME.band(5.0, 7.0), (58.0, 32.0));
        assert_eq!(FRAME.band(7.0, 5.0), (58.0, 32.0));
    }

    #[test]
    fn a_single_week_does_not_divide_by_zero() {
        let one = Frame {
            x: Axis { min: 3.0, max: 3.0 },
            ..FRAME
        };
        assert_eq!(one.px(3.0), 40.0);
    }
}

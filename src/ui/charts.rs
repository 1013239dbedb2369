//! Inline SVG charts drawn from figures the domain computed (no libraries, no
//! scripts, no inline styles: presentation attributes only, so the CSP holds).
//! Grey scale throughout, so they print in black and white.
//!
//! The components take plain data and a language; wrap them in a closure
//! (`move || view! { <PerDayChart … /> }`) to redraw when data or language change.
//! Reused by the evidence page.

use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;

use crate::i18n::rules::RulesKey;
use crate::i18n::{fill, t, Lang};

/// More bars than this and the per-day chart groups by week (then by month),
/// so 10,000 contacts over years still draw a small SVG.
pub const MAX_BARS: usize = 120;

/// Markers further than this from the logged range are left out, so a stray
/// date does not stretch the chart over decades.
const MARKER_REACH_DAYS: i64 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
}

/// One bar: the days `[start, end]` (inclusive) and their total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub count: u32,
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
        .unwrap_or(d)
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    let r = if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    r.unwrap_or(d)
}

fn month_from_index(i: i64) -> Option<NaiveDate> {
    let y = i32::try_from(i.div_euclid(12)).ok()?;
    let m = u32::try_from(i.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    month_from_index(month_index(first) + 1)
        .and_then(|next| next.pred_opt())
        .unwrap_or(first)
}

/// Bars over the range of `data` (days with counts), stretched to include the
/// `markers` near it: by day up to [`MAX_BARS`] days, else by week, else by month.
pub fn bucket(data: &[(NaiveDate, u32)], markers: &[NaiveDate]) -> (Granularity, Vec<Bar>) {
    let (Some(lo), Some(hi)) = (
        data.iter().map(|d| d.0).min(),
        data.iter().map(|d| d.0).max(),
    ) else {
        return (Granularity::Day, Vec::new());
    };
    let near = |m: &NaiveDate| {
        (lo - *m).num_days() <= MARKER_REACH_DAYS && (*m - hi).num_days() <= MARKER_REACH_DAYS
    };
    let first = markers
        .iter()
        .filter(|m| near(m))
        .fold(lo, |a, m| a.min(*m));
    let last = markers
        .iter()
        .filter(|m| near(m))
        .fold(hi, |a, m| a.max(*m));

    let days = (last - first).num_days() + 1;
    let weeks = (last - monday_of(first)).num_days() / 7 + 1;
    let (gran, origin, n) = if days <= MAX_BARS as i64 {
        (Granularity::Day, first, days)
    } else if weeks <= MAX_BARS as i64 {
        (Granularity::Week, monday_of(first), weeks)
    } else {
        let f = first_of_month(first);
        (
            Granularity::Month,
            f,
            month_index(last) - month_index(f) + 1,
        )
    };
    let index = |d: NaiveDate| -> i64 {
        match gran {
            Granularity::Day => (d - origin).num_days(),
            Granularity::Week => (d - origin).num_days() / 7,
            Granularity::Month => month_index(d) - month_index(origin),
        }
    };
    let mut bars: Vec<Bar> = (0..n.max(0))
        .map(|i| {
            let (start, end) = match gran {
                Granularity::Day => {
                    let d = add_days(origin, i);
                    (d, d)
                }
                Granularity::Week => {
                    let s = add_days(origin, i * 7);
                    (s, add_days(s, 6))
                }
                Granularity::Month => {
                    let s = month_from_index(month_index(origin) + i).unwrap_or(origin);
                    (s, last_of_month(s))
                }
            };
            Bar {
                start,
                end,
                count: 0,
            }
        })
        .collect();
    for (d, c) in data {
        if let Some(bar) = usize::try_from(index(*d))
            .ok()
            .and_then(|i| bars.get_mut(i))
        {
            bar.count = bar.count.saturating_add(*c);
        }
    }
    (gran, bars)
}

/// Grey for a heat-map cell: white for none, then four steps to near black.
pub fn grey(count: u32, max: u32) -> &'static str {
    if count == 0 || max == 0 {
        return GREYS[0];
    }
    let step = (u64::from(count) * 4).div_ceil(u64::from(max)).clamp(1, 4) as usize;
    GREYS.get(step).copied().unwrap_or(INK)
}

/// White for none, then four greys to near black: the heat-map scale.
pub const GREYS: [&str; 5] = ["#ffffff", "#d4d4d4", "#9a9a9a", "#5e5e5e", "#1f1f1f"];

/// Runs of consecutive `true` hours: (first hour, length).
pub fn runs(flags: &[bool; 24]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (h, on) in flags.iter().enumerate() {
        if !on {
            continue;
        }
        match out.last_mut() {
            Some((s, len)) if *s + *len == h => *len += 1,
            _ => out.push((h, 1)),
        }
    }
    out
}

/// A number for an SVG attribute: one decimal at most keeps the DOM small.
fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The value at the top of the per-day y-axis: the highest bar, or one above
/// the limit so the dashed limit line always sits inside the plot, below a
/// correctly labelled top.
pub fn y_top(max_count: u32, limit: Option<u32>) -> u32 {
    max_count
        .max(limit.map_or(0, |l| l.saturating_add(1)))
        .max(1)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn bar_label(g: Granularity, b: &Bar) -> String {
    match g {
        Granularity::Day => iso(b.start),
        Granularity::Week => format!("{} – {}", iso(b.start), iso(b.end)),
        Granularity::Month => b.start.format("%Y-%m").to_string(),
    }
}

pub fn weekday_names(lang: Lang) -> [&'static str; 7] {
    [
        RulesKey::WdMon,
        RulesKey::WdTue,
        RulesKey::WdWed,
        RulesKey::WdThu,
        RulesKey::WdFri,
        RulesKey::WdSat,
        RulesKey::WdSun,
    ]
    .map(|k| t(lang, k))
}

const FONT: &str = "11";
const INK: &str = "#000000";
const AXIS: &str = "#444444";
const GRID: &str = "#cccccc";

/// Contacts over time as bars (per day, or per week/month for long logs), with
/// dotted lines at `markers` (e.g. agreement dates) and, per day only, a dashed
/// line at the daily `limit`.
#[component]
pub fn PerDayChart(
    /// Counts per local day, as `domain::rules::per_day` returns them.
    data: Vec<(NaiveDate, u32)>,
    /// Dates to mark, with a short label each.
    markers: Vec<(NaiveDate, String)>,
    /// A per-day limit to draw (only when the bars are days).
    limit: Option<u32>,
    lang: Lang,
) -> impl IntoView {
    let marker_days: Vec<NaiveDate> = markers.iter().map(|m| m.0).collect();
    let (gran, bars) = bucket(&data, &marker_days);
    let title = t(
        lang,
        match gran {
            Granularity::Day => RulesKey::ChartPerDay,
            Granularity::Week => RulesKey::ChartPerWeek,
            Granularity::Month => RulesKey::ChartPerMonth,
        },
    );
    if bars.is_empty() {
        return view! {
            <figure class="chart" data-testid="chart-per-day">
                <figcaption class="chart-title">{title}</figcaption>
                <p class="muted">{t(lang, RulesKey::ChartNoData)}</p>
            </figure>
        }
        .into_any();
    }
    let limit = limit.filter(|_| gran == Granularity::Day);

    // Geometry, in viewBox units (sized for a 390 px phone; CSS caps the width).
    let (w, h) = (340.0, 190.0);
    let (left, right, top, bottom) = (26.0, 6.0, 16.0, 20.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let max_count = bars.iter().map(|b| b.count).max().unwrap_or(0);
    let top_value = y_top(max_count, limit);
    let y_max = f64::from(top_value);
    let slot = plot_w / bars.len() as f64;
    let gap = if slot > 3.0 { slot * 0.2 } else { 0.0 };
    let y = move |v: f64| top + plot_h - v / y_max * plot_h;
    let x = move |i: usize| left + i as f64 * slot;

    let total: u32 = bars.iter().map(|b| b.count).sum();
    let busiest = bars
        .iter()
        .max_by_key(|b| (b.count, std::cmp::Reverse(b.start)))
        .map(|b| bar_label(gran, b))
        .unwrap_or_default();
    let (first, last) = (
        bars.first().map(|b| b.start).unwrap_or_default(),
        bars.last().map(|b| b.end).unwrap_or_default(),
    );
    let desc = fill(
        t(lang, RulesKey::ChartPerDayDesc),
        &[
            &iso(first),
            &iso(last),
            &total.to_string(),
            &max_count.to_string(),
            &busiest,
        ],
    );

    let rects = bars
        .iter()
        .enumerate()
        .filter(|(_, b)| b.count > 0)
        .map(|(i, b)| {
            let tip = format!("{}: {}", bar_label(gran, b), b.count);
            let top_y = y(f64::from(b.count));
            view! {
                <rect x=n(x(i) + gap / 2.0) y=n(top_y) width=n((slot - gap).max(0.6))
                    height=n(top + plot_h - top_y) fill="#555555">
                    <title>{tip}</title>
                </rect>
            }
        })
        .collect_view();

    let index_of = |d: NaiveDate| bars.iter().position(|b| b.start <= d && d <= b.end);
    let marker_lines = markers
        .iter()
        .filter_map(|(d, label)| index_of(*d).map(|i| (i, *d, label.clone())))
        .map(|(i, d, label)| {
            let mx = x(i) + slot / 2.0;
            let anchor = if mx > w * 0.75 { "end" } else { "start" };
            let tx = if anchor == "end" { mx - 2.0 } else { mx + 2.0 };
            let tip = format!("{label} {}", iso(d));
            view! {
                <g>
                    <title>{tip}</title>
                    <line x1=n(mx) x2=n(mx) y1=n(top - 4.0) y2=n(top + plot_h) stroke=INK
                        stroke-width="1.2" stroke-dasharray="1.5 2" />
                    <text x=n(tx) y=n(top - 5.0) font-size="9" text-anchor=anchor fill=INK>{label}</text>
                </g>
            }
        })
        .collect_view();

    let limit_line = limit.map(|l| {
        let ly = y(f64::from(l));
        view! {
            <line x1=n(left) x2=n(left + plot_w) y1=n(ly) y2=n(ly) stroke=INK stroke-width="1.2"
                stroke-dasharray="5 3" />
            <text x=n(left - 3.0) y=n(ly + 3.0) font-size=FONT text-anchor="end" fill=INK font-weight="bold">{l.to_string()}</text>
        }
    });

    let mid = (bars.len() >= 12).then(|| {
        let i = bars.len() / 2;
        let label = bars.get(i).map(|b| iso(b.start)).unwrap_or_default();
        view! {
            <text x=n(x(i) + slot / 2.0) y=n(h - 6.0) font-size=FONT text-anchor="middle" fill=AXIS>{label}</text>
        }
    });

    let legend = limit.map(|l| {
        view! { <li class="key-limit">{fill(t(lang, RulesKey::ChartLimit), &[&l.to_string()])}</li> }
    });
    let agreement_legend = (!markers.is_empty())
        .then(|| view! { <li class="key-marker">{t(lang, RulesKey::ChartAgreementLegend)}</li> });

    view! {
        <figure class="chart" data-testid="chart-per-day">
            <figcaption class="chart-title">{title}</figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {w} {h}") role="img" data-granularity=format!("{gran:?}").to_lowercase()
                font-size=FONT>
                <title>{title}</title>
                <desc>{desc.clone()}</desc>
                <line x1=n(left) x2=n(left + plot_w) y1=n(top) y2=n(top) stroke=GRID stroke-width="0.6" />
                <text x=n(left - 3.0) y=n(top + 3.0) font-size=FONT text-anchor="end" fill=AXIS>{top_value.to_string()}</text>
                <text x=n(left - 3.0) y=n(top + plot_h) font-size=FONT text-anchor="end" fill=AXIS>"0"</text>
                {rects}
                {limit_line}
                {marker_lines}
                <line x1=n(left) x2=n(left + plot_w) y1=n(top + plot_h) y2=n(top + plot_h) stroke=AXIS stroke-width="1" />
                <line x1=n(left) x2=n(left) y1=n(top) y2=n(top + plot_h) stroke=AXIS stroke-width="1" />
                <text x=n(left) y=n(h - 6.0) font-size=FONT text-anchor="start" fill=AXIS>{iso(first)}</text>
                {mid}
                <text x=n(w - right) y=n(h - 6.0) font-size=FONT text-anchor="end" fill=AXIS>{iso(last)}</text>
            </svg>
            <p class="sr-only">{desc}</p>
            <ul class="chart-keys">{legend}{agreement_legend}</ul>
        </figure>
    }
    .into_any()
}

/// A week-by-hour heat map: rows Monday to Sunday, columns 00–23 local time,
/// grey by count, with the `off_hours` columns boxed and labelled `band_label`.
#[component]
pub fn HeatMap(
    /// Counts by weekday (0 = Monday) and hour, as `domain::rules::week_hour` returns them.
    grid: [[u32; 24]; 7],
    /// Hours outside the allowed window (all false: no band drawn).
    off_hours: [bool; 24],
    /// The band in words, e.g. "22:00–08:00".
    band_label: String,
    lang: Lang,
) -> impl IntoView {
    let title = t(lang, RulesKey::ChartHeat);
    let days = weekday_names(lang);
    let (w, left, right, top, cell_h) = (340.0, 32.0, 4.0, 14.0, 16.0);
    let cell_w = (w - left - right) / 24.0;
    let grid_h = cell_h * 7.0;
    let h = top + grid_h + 38.0;

    let max = grid.iter().flatten().copied().max().unwrap_or(0);
    let total: u32 = grid.iter().flatten().sum();
    let busiest = grid
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, v)| (*v, r, c)))
        .filter(|(v, _, _)| *v > 0)
        .max_by_key(|(v, r, c)| (*v, std::cmp::Reverse((*r, *c))));
    let desc = match busiest {
        Some((v, r, c)) => fill(
            t(lang, RulesKey::ChartHeatDesc),
            &[
                &total.to_string(),
                &format!(
                    "{} {c:02}:00–{c:02}:59",
                    days.get(r).copied().unwrap_or_default()
                ),
                &v.to_string(),
            ],
        ),
        None => t(lang, RulesKey::ChartNoData).to_string(),
    };

    let cells = grid
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, v)| (r, c, *v)))
        .map(|(r, c, v)| {
            let tip = format!(
                "{} {c:02}:00–{c:02}:59: {v}",
                days.get(r).copied().unwrap_or_default()
            );
            view! {
                <rect x=n(left + c as f64 * cell_w) y=n(top + r as f64 * cell_h) width=n(cell_w)
                    height=n(cell_h) fill=grey(v, max) stroke="#bbbbbb" stroke-width="0.4">
                    <title>{tip}</title>
                </rect>
            }
        })
        .collect_view();

    let row_labels = days
        .iter()
        .enumerate()
        .map(|(r, d)| {
            view! {
                <text x=n(left - 3.0) y=n(top + r as f64 * cell_h + cell_h * 0.72) text-anchor="end" fill=AXIS>{*d}</text>
            }
        })
        .collect_view();

    let hour_labels = (0..=24)
        .step_by(3)
        .map(|hr| {
            let anchor = match hr {
                0 => "start",
                24 => "end",
                _ => "middle",
            };
            view! {
                <text x=n(left + f64::from(hr) * cell_w) y=n(top + grid_h + 12.0) text-anchor=anchor fill=AXIS>{hr.to_string()}</text>
            }
        })
        .collect_view();

    let bands = runs(&off_hours);
    let band_boxes = bands
        .iter()
        .map(|(s, len)| {
            let bx = left + *s as f64 * cell_w;
            let bw = *len as f64 * cell_w;
            view! {
                <rect x=n(bx) y=n(top - 1.0) width=n(bw) height=n(grid_h + 2.0) fill="none" stroke=INK
                    stroke-width="1.6" stroke-dasharray="4 2" />
                <rect x=n(bx) y=n(top - 6.0) width=n(bw) height="3" fill=INK />
            }
        })
        .collect_view();
    let band_key = (!bands.is_empty()).then(|| {
        view! { <li class="key-band">{fill(t(lang, RulesKey::ChartOffHours), &[&band_label])}</li> }
    });

    // Legend: five swatches from none to the most.
    let ly = top + grid_h + 22.0;
    let swatches = GREYS
        .iter()
        .enumerate()
        .map(|(i, g)| {
            view! {
                <rect x=n(left + 34.0 + i as f64 * 14.0) y=n(ly) width="12" height="10" fill=*g
                    stroke="#888888" stroke-width="0.5" />
            }
        })
        .collect_view();

    view! {
        <figure class="chart" data-testid="chart-heatmap">
            <figcaption class="chart-title">{title}</figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {w} {h}") role="img" font-size=FONT>
                <title>{title}</title>
                <desc>{desc.clone()}</desc>
                {cells}
                {band_boxes}
                {row_labels}
                {hour_labels}
                <text x=n(left) y=n(ly + 8.5) fill=AXIS>{t(lang, RulesKey::ChartFewer)}</text>
                {swatches}
                <text x=n(left + 34.0 + 5.0 * 14.0 + 3.0) y=n(ly + 8.5) fill=AXIS>
                    {fill(t(lang, RulesKey::ChartMore), &[&max.to_string()])}
                </text>
            </svg>
            <p class="sr-only">{desc}</p>
            <ul class="chart-keys">{band_key}</ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn short_logs_are_drawn_per_day_with_empty_days() {
        let (g, bars) = bucket(&[(d(2026, 3, 1), 2), (d(2026, 3, 4), 5)], &[]);
        assert_eq!(g, Granularity::Day);
        assert_eq!(bars.len(), 4);
        assert_eq!(
            bars.iter().map(|b| b.count).collect::<Vec<_>>(),
            [2, 0, 0, 5]
        );
    }

    #[test]
    fn markers_near_the_log_stretch_it_far_ones_do_not() {
        let data = [(d(2026, 3, 10), 1)];
        let (_, bars) = bucket(&data, &[d(2026, 3, 8)]);
        assert_eq!(bars.first().unwrap().start, d(2026, 3, 8));
        let (_, bars) = bucket(&data, &[d(1990, 1, 1)]);
        assert_eq!(bars.len(), 1);
    }

    #[test]
    fn long_logs_group_by_week_then_month() {
        let data: Vec<_> = (0..200).map(|i| (add_days(d(2025, 1, 1), i), 1)).collect();
        let (g, bars) = bucket(&data, &[]);
        assert_eq!(g, Granularity::Week);
        assert!(bars.len() <= MAX_BARS);
        assert_eq!(bars.iter().map(|b| b.count).sum::<u32>(), 200);
        assert_eq!(bars.first().unwrap().start.weekday(), chrono::Weekday::Mon);

        let data: Vec<_> = (0..1500)
            .map(|i| (add_days(d(2022, 1, 15), i), 2))
            .collect();
        let (g, bars) = bucket(&data, &[]);
        assert_eq!(g, Granularity::Month);
        assert!(bars.len() <= MAX_BARS);
        assert_eq!(bars.iter().map(|b| b.count).sum::<u32>(), 3000);
        assert_eq!(bars.first().unwrap().start, d(2022, 1, 1));
        assert_eq!(bars.first().unwrap().end, d(2022, 1, 31));
    }

    #[test]
    fn y_axis_holds_the_limit_line() {
        assert_eq!(y_top(2, Some(3)), 4);
        assert_eq!(y_top(3, Some(3)), 4);
        assert_eq!(y_top(9, Some(3)), 9);
        assert_eq!(y_top(0, None), 1);
        assert_eq!(y_top(2, None), 2);
    }

    #[test]
    fn grey_scale_steps() {
        assert_eq!(grey(0, 9), "#ffffff");
        assert_eq!(grey(1, 100), "#d4d4d4");
        assert_eq!(grey(100, 100), "#1f1f1f");
    }

    #[test]
    fn off_hours_runs() {
        let mut f = [false; 24];
        for h in (0..8).chain(22..24) {
            f[h] = true;
        }
        assert_eq!(runs(&f), [(0, 8), (22, 2)]);
    }
}

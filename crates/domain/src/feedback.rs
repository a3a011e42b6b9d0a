//! Recipient feedback on an enrollment (DESIGN.md section 3): a star rating of the provider and
//! complaints with their own workflow.
//!
//! A rating is one to five stars, one per enrollment (rating again replaces it), and only once the
//! recipient has received some of the service: a confirmed delivery record. Providers are ranked by
//! a weighted average that starts every provider at [`PRIOR_STARS`] as if it had
//! [`PRIOR_WEIGHT`] ratings, so one happy family does not put a newcomer above a provider with a
//! hundred good ratings (the "Bayesian average" of review sites).
//!
//! A complaint goes `open -> in_review -> upheld | dismissed`; an officer may also decide an open
//! complaint at once, and the recipient may withdraw it until it is decided. The decision carries
//! a response the recipient reads.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    #[error("a rating is a whole number of stars from 1 to 5, not {0}")]
    StarsOutOfRange(i64),
    #[error("unknown complaint status {0:?}")]
    UnknownStatus(String),
    #[error("cannot {event} a complaint that is {from}")]
    IllegalTransition {
        from: ComplaintStatus,
        event: ComplaintEvent,
    },
    #[error("say why: {event} needs a response the recipient will read")]
    ResponseRequired { event: ComplaintEvent },
    #[error("describe the problem: a complaint cannot be blank")]
    BlankComplaint,
    #[error("a complaint is at most {max} characters, this one has {len}")]
    ComplaintTooLong { len: usize, max: usize },
}

/// One to five stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Stars(u8);

impl Stars {
    pub fn new(stars: i64) -> Result<Self, FeedbackError> {
        match u8::try_from(stars) {
            Ok(s @ 1..=5) => Ok(Stars(s)),
            _ => Err(FeedbackError::StarsOutOfRange(stars)),
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Stars {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stars = i64::deserialize(deserializer)?;
        Stars::new(stars).map_err(serde::de::Error::custom)
    }
}

/// Every provider starts as if rated this many stars ...
pub const PRIOR_STARS: i64 = 3;
/// ... by this many recipients.
pub const PRIOR_WEIGHT: i64 = 5;

/// A provider's ratings summed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RatingSummary {
    pub count: i64,
    pub stars_sum: i64,
}

impl RatingSummary {
    /// The plain average shown to people, in hundredths of a star (`450` = 4.50), or `None` when
    /// nobody has rated yet. Rounded half up; integers only, so the same on every backend.
    pub fn average_centistars(self) -> Option<i64> {
        (self.count > 0).then(|| (self.stars_sum * 200 + self.count) / (2 * self.count))
    }

    /// The ranking key, in thousandths of a star: the weighted average with the prior (see the
    /// module's documentation). Unrated providers rank at the prior, between good and bad ones.
    pub fn ranking_millistars(self) -> i64 {
        let weight = self.count + PRIOR_WEIGHT;
        ((self.stars_sum + PRIOR_STARS * PRIOR_WEIGHT) * 2000 + weight) / (2 * weight)
    }

    /// After a recipient rates (`previous` is their earlier rating of the same enrollment, which
    /// the new one replaces).
    pub fn with(self, stars: Stars, previous: Option<Stars>) -> Self {
        match previous {
            Some(old) => RatingSummary {
                count: self.count,
                stars_sum: self.stars_sum - i64::from(old.get()) + i64::from(stars.get()),
            },
            None => RatingSummary {
                count: self.count + 1,
                stars_sum: self.stars_sum + i64::from(stars.get()),
            },
        }
    }
}

/// The longest complaint text accepted.
pub const COMPLAINT_MAX_CHARS: usize = 4000;

/// A complaint's text, trimmed, not blank, not too long.
pub fn complaint_text(text: &str) -> Result<String, FeedbackError> {
    let text = text.trim();
    let len = text.chars().count();
    if len == 0 {
        Err(FeedbackError::BlankComplaint)
    } else if len > COMPLAINT_MAX_CHARS {
        Err(FeedbackError::ComplaintTooLong {
            len,
            max: COMPLAINT_MAX_CHARS,
        })
    } else {
        Ok(text.to_owned())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStatus {
    Open,
    InReview,
    Upheld,
    Dismissed,
    Withdrawn,
}

/// What happens to a complaint. The officer reviews and decides; the recipient withdraws.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ComplaintEvent {
    StartReview,
    /// The complaint is justified; the response says what follows (a provider review, a refund).
    Uphold {
        response: String,
    },
    Dismiss {
        response: String,
    },
    Withdraw,
}

impl ComplaintStatus {
    pub const ALL: [ComplaintStatus; 5] = [
        ComplaintStatus::Open,
        ComplaintStatus::InReview,
        ComplaintStatus::Upheld,
        ComplaintStatus::Dismissed,
        ComplaintStatus::Withdrawn,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ComplaintStatus::Open => "open",
            ComplaintStatus::InReview => "in_review",
            ComplaintStatus::Upheld => "upheld",
            ComplaintStatus::Dismissed => "dismissed",
            ComplaintStatus::Withdrawn => "withdrawn",
        }
    }

    /// Decided or withdrawn: nothing more can happen to it.
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            ComplaintStatus::Upheld | ComplaintStatus::Dismissed | ComplaintStatus::Withdrawn
        )
    }

    /// The state after `event`, or why it cannot happen. A decision needs a non-blank response.
    pub fn apply(self, event: &ComplaintEvent) -> Result<Self, FeedbackError> {
        use ComplaintEvent as E;
        use ComplaintStatus as S;
        let next = match (self, event) {
            (S::Open, E::StartReview) => S::InReview,
            (S::Open | S::InReview, E::Uphold { .. }) => S::Upheld,
            (S::Open | S::InReview, E::Dismiss { .. }) => S::Dismissed,
            (S::Open | S::InReview, E::Withdraw) => S::Withdrawn,
            (from, event) => {
                return Err(FeedbackError::IllegalTransition {
                    from,
                    event: event.clone(),
                });
            }
        };
        if let E::Uphold { response } | E::Dismiss { response } = event
            && response.trim().is_empty()
        {
            return Err(FeedbackError::ResponseRequired {
                event: event.clone(),
            });
        }
        Ok(next)
    }
}

impl fmt::Display for ComplaintStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ComplaintStatus {
    type Err = FeedbackError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ComplaintStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| FeedbackError::UnknownStatus(s.to_owned()))
    }
}

impl ComplaintEvent {
    pub const fn as_str(&self) -> &'static str {
        match self {
            ComplaintEvent::StartReview => "start_review",
            ComplaintEvent::Uphold { .. } => "uphold",
            ComplaintEvent::Dismiss { .. } => "dismiss",
            ComplaintEvent::Withdraw => "withdraw",
        }
    }

    /// The response the recipient reads, for a decision.
    pub fn response(&self) -> Option<&str> {
        match self {
            ComplaintEvent::Uphold { response } | ComplaintEvent::Dismiss { response } => {
                Some(response.trim())
            }
            ComplaintEvent::StartReview | ComplaintEvent::Withdraw => None,
        }
    }
}

/// The event's name only: the response is the recipient's to read, not an error's.
impl fmt::Display for ComplaintEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stars_are_one_to_five() {
        assert!(Stars::new(0).is_err());
        assert!(Stars::new(6).is_err());
        assert!(Stars::new(-3).is_err());
        assert_eq!(Stars::new(5).map(Stars::get), Ok(5));
        assert!(serde_json::from_str::<Stars>("7").is_err());
        assert_eq!(
            serde_json::from_str::<Stars>("4").map(Stars::get).ok(),
            Some(4)
        );
    }

    #[test]
    fn one_happy_family_does_not_outrank_a_hundred() {
        let newcomer = RatingSummary {
            count: 1,
            stars_sum: 5,
        };
        let established = RatingSummary {
            count: 100,
            stars_sum: 460,
        };
        assert_eq!(newcomer.average_centistars(), Some(500));
        assert_eq!(established.average_centistars(), Some(460));
        assert!(established.ranking_millistars() > newcomer.ranking_millistars());
        // Unrated providers sit at the prior: above poorly rated, below well rated ones.
        let unrated = RatingSummary::default();
        assert_eq!(unrated.average_centistars(), None);
        assert_eq!(unrated.ranking_millistars(), 3000);
        assert!(
            RatingSummary {
                count: 10,
                stars_sum: 15
            }
            .ranking_millistars()
                < 3000
        );
    }

    #[test]
    fn the_average_rounds_half_up() {
        // 2 ratings of 4 and 5: 4.5 exactly; 3 ratings 4, 4, 5: 4.333 → 4.33; 5, 5, 4: 4.666 → 4.67.
        assert_eq!(
            RatingSummary {
                count: 2,
                stars_sum: 9
            }
            .average_centistars(),
            Some(450)
        );
        assert_eq!(
            RatingSummary {
                count: 3,
                stars_sum: 13
            }
            .average_centistars(),
            Some(433)
        );
        assert_eq!(
            RatingSummary {
                count: 3,
                stars_sum: 14
            }
            .average_centistars(),
            Some(467)
        );
    }

    #[test]
    fn rating_again_replaces_the_rating() {
        let four = Stars::new(4).unwrap();
        let two = Stars::new(2).unwrap();
        let once = RatingSummary::default().with(four, None);
        let again = once.with(two, Some(four));
        assert_eq!(
            again,
            RatingSummary {
                count: 1,
                stars_sum: 2
            }
        );
    }

    #[test]
    fn complaints_follow_their_workflow() {
        use ComplaintEvent as E;
        use ComplaintStatus as S;
        let uphold = E::Uphold {
            response: "The provider will be reviewed".into(),
        };
        assert_eq!(S::Open.apply(&E::StartReview), Ok(S::InReview));
        assert_eq!(S::InReview.apply(&uphold), Ok(S::Upheld));
        assert_eq!(S::Open.apply(&E::Withdraw), Ok(S::Withdrawn));
        assert!(matches!(
            S::InReview.apply(&E::StartReview),
            Err(FeedbackError::IllegalTransition { .. })
        ));
        assert!(matches!(
            S::InReview.apply(&E::Dismiss {
                response: "  ".into()
            }),
            Err(FeedbackError::ResponseRequired { .. })
        ));
        for done in [S::Upheld, S::Dismissed, S::Withdrawn] {
            assert!(done.is_final());
            assert!(done.apply(&E::Withdraw).is_err());
            assert!(done.apply(&uphold).is_err());
        }
    }

    #[test]
    fn complaint_texts_are_trimmed_and_bounded() {
        assert_eq!(
            complaint_text("  late again \n").as_deref(),
            Ok("late again")
        );
        assert_eq!(complaint_text(" \t "), Err(FeedbackError::BlankComplaint));
        let long = "я".repeat(COMPLAINT_MAX_CHARS + 1);
        assert!(matches!(
            complaint_text(&long),
            Err(FeedbackError::ComplaintTooLong { .. })
        ));
        assert!(complaint_text(&"я".repeat(COMPLAINT_MAX_CHARS)).is_ok());
    }

    proptest! {
        /// Adding ratings one by one (some replacing earlier ones) keeps the summary equal to the
        /// sum of the ratings in force, and the ranking key inside the stars' range.
        #[test]
        fn summaries_add_up(ratings in proptest::collection::vec((1i64..=5, any::<bool>()), 0..60)) {
            let mut summary = RatingSummary::default();
            let mut in_force: Vec<Stars> = Vec::new();
            for (stars, replace) in ratings {
                let stars = Stars::new(stars).unwrap();
                if replace && !in_force.is_empty() {
                    let old = in_force.pop().unwrap();
                    summary = summary.with(stars, Some(old));
                } else {
                    summary = summary.with(stars, None);
                }
                in_force.push(stars);
                let sum: i64 = in_force.iter().map(|s| i64::from(s.get())).sum();
                prop_assert_eq!(summary, RatingSummary { count: in_force.len() as i64, stars_sum: sum });
                let key = summary.ranking_millistars();
                prop_assert!((1000..=5000).contains(&key));
                let average = summary.average_centistars().unwrap();
                prop_assert!((100..=500).contains(&average));
            }
        }
    }
}

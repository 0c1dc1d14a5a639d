//! The story as data: chapters, the claims they make, and each claim's truth mark.
//!
//! Nothing here draws or words anything: a claim names a locale key and the
//! confidence mark docs/RECORD.md gives it; the UI renders both.

use crate::i18n::Key;

pub mod chapters;
pub mod sources;
pub mod static_page;
pub mod timeline;

/// How sure the record is of a claim (docs/RECORD.md's marks), shown to readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Stated in AWS's post-event summary.
    Documented,
    /// Stated by the DynamoDB team at re:Invent 2025 (DAT453).
    Talk,
    /// Several independent summaries of the post-event summary agree.
    Summarised,
    /// Sources disagree or it is unverified.
    Uncertain,
    /// Our simplification or example, chosen to teach.
    Illustrative,
}

/// AWS's post-event summary.
pub const PES_URL: &str = "https://aws.amazon.com/message/101925/";
/// The DynamoDB team's re:Invent 2025 talk, DAT453.
pub const TALK_URL: &str = "https://www.youtube.com/watch?v=YZUNNzLDWb8";

/// Where a claim comes from: a section of AWS's report, the DynamoDB team's
/// talk, the independent summaries, the sources that disagree, or this
/// explainer's own illustrations. `docs/SOURCES.md` describes each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// The report's opening overview and overall timeline.
    PesIntro,
    /// The report's DynamoDB section (the DNS automation and the race).
    PesDynamoDb,
    /// The report's Amazon EC2 section (DWFM, Network Manager).
    PesEc2,
    /// The report's Network Load Balancer section.
    PesNlb,
    /// The report's closing remarks: what AWS changed and said it will change.
    PesRemedies,
    /// The DynamoDB team's re:Invent 2025 talk (DAT453).
    Talk,
    /// Several independent summaries of the report that agree.
    Summaries,
    /// What AWS posted on its public Health Dashboard during the outage,
    /// as press reports and summaries quote it (not part of the report).
    Dashboard,
    /// Sources that disagree, or say nothing.
    Disputed,
    /// This explainer's own examples and simplifications.
    Project,
}

impl Source {
    /// Every source, in the order the sources page lists them.
    pub const ALL: [Source; 10] = [
        Source::PesIntro,
        Source::PesDynamoDb,
        Source::PesEc2,
        Source::PesNlb,
        Source::PesRemedies,
        Source::Talk,
        Source::Summaries,
        Source::Dashboard,
        Source::Disputed,
        Source::Project,
    ];

    /// The stable id used in addresses (`#src-pes-dynamodb`) and in `docs/`.
    pub const fn id(self) -> &'static str {
        match self {
            Source::PesIntro => "pes-intro",
            Source::PesDynamoDb => "pes-dynamodb",
            Source::PesEc2 => "pes-ec2",
            Source::PesNlb => "pes-nlb",
            Source::PesRemedies => "pes-remedies",
            Source::Talk => "talk-dat453",
            Source::Summaries => "summaries",
            Source::Dashboard => "dashboard",
            Source::Disputed => "disputed",
            Source::Project => "project",
        }
    }

    /// The source's name as a reader sees it.
    pub const fn title(self) -> Key {
        match self {
            Source::PesIntro => Key::SrcPesIntro,
            Source::PesDynamoDb => Key::SrcPesDynamodb,
            Source::PesEc2 => Key::SrcPesEc2,
            Source::PesNlb => Key::SrcPesNlb,
            Source::PesRemedies => Key::SrcPesRemedies,
            Source::Talk => Key::SrcTalk,
            Source::Summaries => Key::SrcSummaries,
            Source::Dashboard => Key::SrcDashboard,
            Source::Disputed => Key::SrcDisputed,
            Source::Project => Key::SrcProject,
        }
    }

    /// What the source is, and what is not known about it.
    pub const fn about(self) -> Key {
        match self {
            Source::PesIntro
            | Source::PesDynamoDb
            | Source::PesEc2
            | Source::PesNlb
            | Source::PesRemedies => Key::SrcPesAbout,
            Source::Talk => Key::SrcTalkAbout,
            Source::Summaries => Key::SrcSummariesAbout,
            Source::Dashboard => Key::SrcDashboardAbout,
            Source::Disputed => Key::SrcDisputedAbout,
            Source::Project => Key::SrcProjectAbout,
        }
    }

    /// Where a reader can read the source itself; `None` where there is no
    /// one document to open (the dashboard's posts of the day are not kept
    /// at an address the project has recorded).
    pub const fn url(self) -> Option<&'static str> {
        match self {
            Source::PesIntro
            | Source::PesDynamoDb
            | Source::PesEc2
            | Source::PesNlb
            | Source::PesRemedies => Some(PES_URL),
            Source::Talk => Some(TALK_URL),
            Source::Summaries | Source::Dashboard | Source::Disputed | Source::Project => None,
        }
    }

    /// The sources a claim with `mark` may cite: a documented claim cites a
    /// section of the report, a claim from the talk cites the talk, and so on.
    pub const fn fits(self, mark: Mark) -> bool {
        match mark {
            Mark::Documented => matches!(
                self,
                Source::PesIntro
                    | Source::PesDynamoDb
                    | Source::PesEc2
                    | Source::PesNlb
                    | Source::PesRemedies
            ),
            Mark::Talk => matches!(self, Source::Talk),
            Mark::Summarised => matches!(self, Source::Summaries | Source::Dashboard),
            Mark::Uncertain => matches!(self, Source::Disputed),
            Mark::Illustrative => matches!(self, Source::Project),
        }
    }
}

impl Mark {
    /// Every mark, surest first.
    pub const ALL: [Mark; 5] = [
        Mark::Documented,
        Mark::Talk,
        Mark::Summarised,
        Mark::Uncertain,
        Mark::Illustrative,
    ];

    /// The short label a reader sees after the sentence.
    pub const fn label(self) -> Key {
        match self {
            Mark::Documented => Key::MarkD,
            Mark::Talk => Key::MarkT,
            Mark::Summarised => Key::MarkS,
            Mark::Uncertain => Key::MarkU,
            Mark::Illustrative => Key::MarkI,
        }
    }

    /// One sentence on what the label means.
    pub const fn help(self) -> Key {
        match self {
            Mark::Documented => Key::MarkDHelp,
            Mark::Talk => Key::MarkTHelp,
            Mark::Summarised => Key::MarkSHelp,
            Mark::Uncertain => Key::MarkUHelp,
            Mark::Illustrative => Key::MarkIHelp,
        }
    }

    /// A CSS class suffix; the label text and a shape carry the meaning too,
    /// never colour alone.
    pub const fn css(self) -> &'static str {
        match self {
            Mark::Documented => "d",
            Mark::Talk => "t",
            Mark::Summarised => "s",
            Mark::Uncertain => "u",
            Mark::Illustrative => "i",
        }
    }
}

/// What kind of number a reader is looking at (README, "Three kinds of number").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A documented time or figure, or an operator action used as an input.
    Record,
    /// A window the model was tuned to reproduce: agreement by construction.
    Fitted,
    /// What the model says when a lever moves, or a count or estimate of the
    /// model itself.
    Model,
}

impl NumberKind {
    /// The short label shown beside the number.
    pub const fn label(self) -> Key {
        match self {
            NumberKind::Record => Key::KindRecord,
            NumberKind::Fitted => Key::KindFitted,
            NumberKind::Model => Key::KindModel,
        }
    }

    /// One sentence on what the kind means.
    pub const fn help(self) -> Key {
        match self {
            NumberKind::Record => Key::KindRecordHelp,
            NumberKind::Fitted => Key::KindFittedHelp,
            NumberKind::Model => Key::KindModelHelp,
        }
    }

    /// A CSS class suffix and test hook.
    pub const fn code(self) -> &'static str {
        match self {
            NumberKind::Record => "record",
            NumberKind::Fitted => "fitted",
            NumberKind::Model => "model",
        }
    }
}

/// One sentence the app shows as fact or example, with its mark and the
/// source a reader can check it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub text: Key,
    pub mark: Mark,
    pub source: Source,
}

const fn claim(text: Key, mark: Mark, source: Source) -> Claim {
    assert!(source.fits(mark), "a claim's source must fit its mark");
    Claim { text, mark, source }
}

/// Chapter 1, "what happened": the opening the reader sees first.
pub mod opening {
    use super::*;

    /// When it started (23:48 PDT, 19 Oct 2025 = 15:48 JST, 20 Oct), told
    /// in words true in the reader's zone (`{tw:…}`).
    pub const LEAD: Claim = claim(Key::Ch1Lead, Mark::Documented, Source::PesIntro);
    /// Where: AWS's Northern Virginia region, us-east-1.
    pub const WHERE: Claim = claim(Key::Ch1Where, Mark::Documented, Source::PesIntro);
    /// Every system that needed DynamoDB there failed at once, AWS's own too.
    pub const SPREAD: Claim = claim(Key::Ch1Spread, Mark::Documented, Source::PesDynamoDb);
    /// Why Seattle's clock: the report gives US Pacific time.
    pub const CLOCK: Claim = claim(Key::Ch1Clock, Mark::Documented, Source::PesIntro);
    /// What people saw: examples of the kinds of trouble, not reports.
    pub const SAW: [Key; 4] = [
        Key::Ch1SawShop,
        Key::Ch1SawApp,
        Key::Ch1SawBusiness,
        Key::Ch1SawWeb,
    ];
    pub const SAW_NOTE: Claim = claim(Key::Ch1SawNote, Mark::Illustrative, Source::Project);
    /// 23:48 to 14:20 PDT, the end of the impact AWS gives in its report:
    /// 14 h 32 min (not "everything back", and nothing announced then).
    pub const DURATION: Claim = claim(Key::Ch1Duration, Mark::Documented, Source::PesIntro);
    /// "More than 100" of AWS's own services: counts of 70 to 142 were reported.
    pub const SCOPE: Claim = claim(Key::Ch1Scope, Mark::Uncertain, Source::Disputed);
    /// The race (two Enactors) emptied the regional DynamoDB entry.
    pub const CAUSE: Claim = claim(Key::Ch1Cause, Mark::Documented, Source::PesDynamoDb);
    /// The seed article's year is wrong (shown on the sources page).
    pub const DATE_NOTE: Claim = claim(Key::Ch1DateNote, Mark::Documented, Source::PesIntro);

    /// The question that leads into chapter 2 (no claim: it states nothing).
    pub const NEXT: Key = Key::Ch1Next;

    /// The lead paragraph, in reading order.
    pub const LEAD_PARAGRAPH: [Claim; 3] = [LEAD, WHERE, SPREAD];
    /// The paragraphs after the list of what people saw.
    pub const AFTER: [Claim; 3] = [DURATION, SCOPE, CAUSE];

    /// Every claim of the opening, in reading order.
    pub const CLAIMS: [Claim; 8] = [LEAD, WHERE, SPREAD, CLOCK, SAW_NOTE, DURATION, SCOPE, CAUSE];
}

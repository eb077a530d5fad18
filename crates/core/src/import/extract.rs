//! Attribution: the pass over an article's units (sentences, or the stretch
//! of a quotation) that turns their cues and quotation marks into quotes,
//! each with a speaker, a kind, its cue and a confidence.
//!
//! A unit with quotation marks gives direct quotes of the quoted words when
//! they make up most of it (see [`Extractor::is_direct`]), with the
//! reporting clause around them as paraphrases; a unit without them is a
//! paraphrase when a cue reports content, or goes on with the current
//! speaker when it has no cue.

use std::ops::Range;

use super::cues::{self, Cue, CueKind, Who, Words};
use super::layout::Layout;
use super::lexicon::Pronoun;
use super::quotes::{self, Fragment, Tok, Unit};
use super::speakers::{Registry, Target};
use super::{categories, interview, lexicon};
use crate::model::QuoteKind;

/// A quote before ids and character offsets.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) range: Range<usize>,
    pub(super) speaker: Target,
    pub(super) kind: QuoteKind,
    pub(super) cue: String,
    pub(super) confidence: f32,
}

/// The speaker that sentences without a cue go on with.
#[derive(Debug, Clone)]
struct Current {
    speaker: Target,
    cue: String,
    /// Index of the unit of its last quote.
    unit: usize,
    /// Index into the output of its last quote.
    quote: usize,
    /// Its last quote is a paraphrase without quotation marks, which the
    /// next sentence may extend.
    extendable: bool,
}

/// A cue of a unit with the speaker it resolved to and its confidence.
type Found = (Cue, Target, f32);

/// Who said a quotation: speaker, cue word and confidence.
type Said = (Target, String, f32);

/// Confidence of an interview's answer, given to the interviewee.
const ANSWER_CONFIDENCE: f32 = 0.8;
/// Confidence of a sentence without a cue that goes on with the current
/// speaker.
const CONTINUED_CONFIDENCE: f32 = 0.55;
/// Confidence of a quotation with no cue of its own, by the current
/// speaker of its paragraph ...
const CONTINUED_QUOTE_CONFIDENCE: f32 = 0.6;
/// ... or by the last speaker of the paragraph before.
const CARRIED_QUOTE_CONFIDENCE: f32 = 0.5;
/// Confidence of a quotation by the person its sentence opens with.
const INTRODUCED_CONFIDENCE: f32 = 0.5;
/// Factor on the confidence of a quotation whose closing mark is missing.
const UNCLOSED_FACTOR: f32 = 0.8;
/// Fewest words after a cue for the sentence to report something.
const MIN_REPORTED_WORDS: usize = 2;
/// Fewest words for a reporting clause before or after a quotation to be a
/// paraphrase of its own.
const MIN_CLAUSE_WORDS: usize = 5;
/// Fewest words for a quoted fragment beside the main one to be a direct
/// quote of its own.
const MIN_SIDE_QUOTE_WORDS: usize = 4;
/// Fewest words for a quotation with nothing but its cue around it to be
/// direct, however long the cue.
const MIN_BARE_QUOTE_WORDS: usize = 4;
/// Fewest words for a quotation set off from a long reporting clause (by a
/// colon, ", and", or a capital) to be direct ...
const MIN_SEPARABLE_QUOTE_WORDS: usize = 8;
/// ... when the clause has at least this many words.
const MIN_SEPARABLE_CLAUSE_WORDS: usize = 5;
/// Fewest words for a quotation by another speaker than the clause's to be
/// direct.
const MIN_OTHER_SPEAKER_QUOTE_WORDS: usize = 6;
/// Most paragraphs after the lede in which the person its subject
/// describes may be named.
const LEDE_SUBJECT_NAMED_WITHIN: usize = 2;

/// Runs the rules over the article and returns its quotes in text order.
/// Fewest words of a paraphrase, its cue and speaker included.
const MIN_PARAPHRASE_WORDS: usize = 4;

pub(super) fn extract(
    layout: &Layout,
    reg: &mut Registry,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Raw> {
    let body = layout.body.as_str();
    let frags = quotes::fragments(body, &layout.paragraphs);
    let units = quotes::units(body, &layout.paragraphs, &frags);
    let mut x = Extractor {
        body,
        frags: &frags,
        turns: interview::turns(body, &layout.paragraphs),
        lede: units.first().map(|u| u.para),
        lede_subject: None,
        reg,
        out: Vec::new(),
        cur: None,
        carry: None,
        asker: None,
        orphan: None,
        introduced: None,
        announced: None,
        para: usize::MAX,
        interviewee: None,
    };
    let mut reported = 0;
    for (ui, u) in units.iter().enumerate() {
        x.unit(ui, u);
        if u.range.end >= reported + super::PROGRESS_EVERY_BYTES {
            reported = u.range.end;
            progress(reported, body.len());
        }
    }
    progress(body.len(), body.len());
    // "He shrugs.", "Menon said.": a cue with nothing reported is no
    // paraphrase.
    let mut out = x.out;
    out.retain(|r| {
        r.kind != QuoteKind::Paraphrase
            || body[r.range.clone()].split_whitespace().count() >= MIN_PARAPHRASE_WORDS
    });
    out
}

/// The state of the pass, carried from one unit to the next.
struct Extractor<'a> {
    body: &'a str,
    frags: &'a [Fragment],
    /// Each paragraph's interview turn, if any.
    turns: Vec<Option<interview::Turn>>,
    /// The paragraph of the first unit.
    lede: Option<usize>,
    /// The speaker the lede's subject, described but not named, was given
    /// until the person is named.
    lede_subject: Option<Target>,
    reg: &'a mut Registry,
    /// The quotes so far.
    out: Vec<Raw>,
    /// The speaker of the current paragraph that sentences go on with.
    cur: Option<Current>,
    /// The last speaker of the paragraph before.
    carry: Option<Current>,
    /// The last speaker of the paragraph before that: in an exchange
    /// ("…?” X asked. / “…,” Y replied.), who asks the next question.
    asker: Option<Current>,
    /// A unit of this paragraph with a quotation but no speaker, which a
    /// back reference ("X made this assessment") may claim.
    orphan: Option<Range<usize>>,
    /// A person named at the start of a sentence, with that unit's index.
    introduced: Option<(Target, usize)>,
    /// The person a paragraph ending with a colon announces, with that
    /// paragraph ("… read a short statement. Here it is in full:"): the
    /// speaker of a quotation that makes up the next paragraph.
    announced: Option<(Target, usize)>,
    /// The current paragraph.
    para: usize,
    /// An interview's interviewee, once its first question is seen.
    interviewee: Option<Target>,
}

/// A unit under attribution, with its tokens and resolved cues.
struct Sentence<'s> {
    ui: usize,
    unit: &'s Unit,
    toks: &'s [Tok],
    words: &'s Words<'s>,
    found: &'s [Found],
    /// The first cue that names someone other than the author, if any
    /// (else the first cue), back references aside.
    main: Option<&'s Found>,
    /// The unit is a question.
    question: bool,
}

impl Sentence<'_> {
    /// The main cue is a past speech verb ("as I wrote").
    fn past_speech(&self) -> bool {
        self.main.is_some_and(|m| m.0.past_speech)
    }
}

impl Extractor<'_> {
    /// Attributes one unit.
    fn unit(&mut self, ui: usize, u: &Unit) {
        if u.para != self.para {
            self.asker = self.carry.take();
            self.carry = self.cur.take();
            self.orphan = None;
            self.para = u.para;
        }
        if self.interview_turn(u) {
            return;
        }
        let toks = quotes::tokens(self.body, u.range.clone(), self.frags, u.fragments.clone());
        let words = Words::new(self.body, &toks);
        let text = &self.body[u.range.clone()];
        let marker = u.first_in_para && categories::is_marker(text);
        let found = self.resolve_in_order(&words, ui, u, !marker);
        if marker {
            self.cur = None;
            self.carry = None;
            return;
        }
        self.note_announcement(u, text);
        let s = Sentence {
            ui,
            unit: u,
            toks: &toks,
            words: &words,
            found: &found,
            main: main_cue(&found),
            question: text.trim_end_matches(['”', '"', ')', '’']).ends_with('?'),
        };
        if self.attribute_back(&s) {
            return;
        }
        if u.fragments.is_empty() {
            self.unquoted(&s);
        } else {
            self.quoted(&s);
        }
    }

    /// An interview's questions say nothing quotable; its answers are the
    /// interviewee's, the person named last before the first question.
    /// Returns whether the unit was a turn.
    fn interview_turn(&mut self, u: &Unit) -> bool {
        match &self.turns[u.para] {
            Some(interview::Turn::Question) => {
                if self.interviewee.is_none() {
                    self.interviewee = self.reg.last_person(u.para).map(Target::Speaker);
                }
                self.cur = None;
                self.carry = None;
                true
            }
            Some(interview::Turn::Answer(r)) => {
                if let (true, Some(t)) = (u.first_in_para, self.interviewee) {
                    self.out.push(Raw {
                        range: r.clone(),
                        speaker: t,
                        kind: QuoteKind::Direct,
                        cue: "(answer)".to_string(),
                        confidence: ANSWER_CONFIDENCE,
                    });
                }
                true
            }
            None => false,
        }
    }

    /// A unit without quotations that ends its paragraph with a colon
    /// announces the person named last in that paragraph.
    fn note_announcement(&mut self, u: &Unit, text: &str) {
        if u.fragments.is_empty() && text.trim_end().ends_with(':') {
            self.announced = self.reg.person_in(u.para).map(|t| (t, u.para));
        }
    }

    /// Registers the people and institutions named in passing and resolves
    /// the unit's cues (when `with_cues`), in the order they are written:
    /// a pronoun refers to someone named before it, not to a name after it
    /// in the same sentence ("“…,” she told the Daily Blaze"). One named at
    /// the start of a sentence may be the speaker of a quote that follows
    /// it ("X, chief economist at Y, was more cautious. “…”").
    fn resolve_in_order(
        &mut self,
        words: &Words<'_>,
        ui: usize,
        u: &Unit,
        with_cues: bool,
    ) -> Vec<Found> {
        let lead = words.toks.iter().find(|t| t.is_word()).map(|t| t.start);
        let intros = cues::introductions(words);
        let cues: Vec<Cue> = if with_cues {
            cues::find(words)
        } else {
            Vec::new()
        };
        // (where the phrase starts, an introduction before a cue there, which)
        let mut order: Vec<(usize, bool, usize)> = intros
            .iter()
            .enumerate()
            .map(|(k, (_, np))| (np.start, false, k))
            .chain(cues.iter().enumerate().map(|(k, c)| (c.np.start, true, k)))
            .collect();
        order.sort_unstable();
        self.note_opening_possessive(words, u);
        let mut resolved: Vec<Option<Target>> = vec![None; cues.len()];
        for (_, is_cue, k) in order {
            if is_cue {
                let who = &cues[k].who;
                resolved[k] = self.reg.resolve(who, u.para, true);
                self.note_lede_subject(who, resolved[k], u.para);
                continue;
            }
            let (who, np) = &intros[k];
            let known = self.reg.recs.len();
            let t = self.reg.resolve(who, u.para, false);
            self.note_lede_subject(who, t, u.para);
            if let (Some(t), Who::Person { .. }) = (t, who)
                && let Some(nick) = cues::nickname_in(words, np)
            {
                self.reg.alias(t, &nick);
            }
            if let Some(t) = t
                && Some(np.start) == lead
            {
                // Someone named before whom the sentence goes on about
                // ("The 29-year-old rolled …"), not someone new.
                if matches!(t, Target::Speaker(i) if i < known) {
                    self.reg.opened_with(t, u.para);
                }
                if matches!(who, Who::Person { .. }) {
                    self.introduced = Some((t, ui));
                }
            } else if let (Some(t), Who::Person { .. }) = (t, who)
                && self.introduced.is_none_or(|(_, i)| i != ui)
                && described_before(&self.body[u.range.start..np.start])
                && self.body[np.end..u.range.end].contains([':'])
            {
                // "Palau's climate envoy, Ngirai Rechelluul, …, was blunt:
                // “…”": the person the sentence opens with, after a role,
                // speaks after its colon.
                self.introduced = Some((t, ui));
            }
        }
        if cues.is_empty() && u.fragments.is_empty() {
            self.note_pronoun_subject(words, ui, u);
        }
        if cues.is_empty() && !u.fragments.is_empty() {
            self.note_possessor_before_colon(words, ui, u);
        }
        if let Some((c, Some(t))) = cues.iter().zip(&resolved).next() {
            self.note_issuer(words, c, *t, u.para);
        }
        cues.into_iter()
            .zip(resolved)
            .filter_map(|(c, t)| {
                let conf = confidence(&c);
                Some((c, t?, conf))
            })
            .collect()
    }

    /// "The Commerce Department official in charge of export controls told
    /// lawmakers …" in the lede, then "Under Secretary Lorraine Hale …":
    /// the lede's subject, described without a name, is the person the
    /// paragraphs right after it name first; the lede's quotes go to them.
    fn note_lede_subject(&mut self, who: &Who, t: Option<Target>, para: usize) {
        let Some(t) = t else { return };
        if Some(para) == self.lede {
            if is_delayed_identification(who) && self.lede_subject.is_none() {
                self.lede_subject = Some(t);
            }
            return;
        }
        let Some(held) = self.lede_subject else {
            return;
        };
        let near = self
            .lede
            .is_some_and(|l| para <= l + LEDE_SUBJECT_NAMED_WITHIN);
        if !near {
            self.lede_subject = None;
        } else if matches!(who, Who::Person { .. }) && t != held {
            for r in self.out.iter_mut().filter(|r| r.speaker == held) {
                r.speaker = t;
            }
            self.reg.identified(held, t);
            self.lede_subject = None;
        }
    }

    /// "He laughed.", "Asked who won, he laughed.": a sentence without a cue
    /// keeps the person it is about in mind for the pronouns that follow;
    /// one that opens with them ("He shrugs. “…”") may go on with their
    /// words. (Not "Her son Gary": a possessive is no subject.)
    fn note_pronoun_subject(&mut self, words: &Words<'_>, ui: usize, u: &Unit) {
        let first = words.toks.iter().position(|t| t.is_word());
        // "Asked whether he would call, he grinned.": the main clause's
        // subject after an opening participle's clause.
        let participle = first.is_some_and(|f| {
            let w = words.w(f);
            w.ends_with("ed") || w.ends_with("ing")
        });
        let opens_clause =
            |i: usize| first == Some(i) || participle && i > 0 && words.is_punct(i - 1, ',');
        let subject = (0..words.toks.len())
            .find(|&i| words.is_word(i) && matches!(words.w(i), "he" | "she") && opens_clause(i));
        if let Some(i) = subject
            && let Some(p @ (Pronoun::He | Pronoun::She)) = lexicon::pronoun(words.w(i))
            && let Some(t) = self.reg.resolve(&Who::Pronoun(p), u.para, false)
        {
            self.introduced = Some((t, ui));
        }
    }

    /// "Her son, Julien, 31, …": a sentence that opens with "his" or "her"
    /// refers to someone named before, whose gender it tells, so that "he
    /// said" next is the son's, not hers.
    fn note_opening_possessive(&mut self, words: &Words<'_>, u: &Unit) {
        let Some(first) = words.toks.iter().position(|t| t.is_word()) else {
            return;
        };
        let w = words.w(first);
        if let Some(p @ (Pronoun::He | Pronoun::She)) = lexicon::pronoun(w)
            && lexicon::is_possessive_pronoun(w)
        {
            self.reg.resolve(&Who::Pronoun(p), u.para, false);
        }
    }

    /// "His message to the team was brief: “…”": the person "his" refers
    /// to speaks after the colon.
    fn note_possessor_before_colon(&mut self, words: &Words<'_>, ui: usize, u: &Unit) {
        let Some(first) = words.toks.iter().position(|t| t.is_word()) else {
            return;
        };
        let colon_quote = (first..words.toks.len().saturating_sub(1))
            .any(|k| words.is_punct(k, ':') && words.toks[k + 1].is_quote());
        let w = words.w(first);
        let pronoun = match lexicon::pronoun(w) {
            Some(p @ (Pronoun::He | Pronoun::She)) if lexicon::is_possessive_pronoun(w) => p,
            _ => return,
        };
        if colon_quote && let Some(t) = self.reg.resolve(&Who::Pronoun(pronoun), u.para, false) {
            self.introduced = Some((t, ui));
        }
    }

    /// "X said in a statement …": the speaker of the unit's first cue issued
    /// what "the statement" refers to later.
    fn note_issuer(&mut self, words: &Words<'_>, c: &Cue, t: Target, para: usize) {
        let message = (0..words.toks.len()).any(|i| {
            words.is_word(i) && lexicon::anaphor_noun(words.w(i)) == Some(lexicon::Anaphor::Message)
        });
        let itself = matches!(
            c.who,
            Who::Anaphor {
                kind: lexicon::Anaphor::Message,
                ..
            }
        );
        if message && !itself {
            self.reg.issued(t, para);
        }
    }

    /// "X made this assessment": the unattributed quote before is X's.
    /// Returns whether the unit was taken so.
    fn attribute_back(&mut self, s: &Sentence<'_>) -> bool {
        let Some((c, t, conf)) = s.found.iter().find(|(c, _, _)| c.kind == CueKind::Back) else {
            return false;
        };
        let end = s.unit.range.end;
        if let Some(r) = self.orphan.take() {
            self.push_paraphrase(r.start..end, (*t, c.word.clone(), *conf), s.ui, false);
            return true;
        }
        if let Some(c0) = &self.cur
            && c0.speaker == *t
            && c0.unit + 1 == s.ui
        {
            self.out[c0.quote].range.end = end;
            return true;
        }
        false
    }

    /// Adds a paraphrase over `range` (in unit `unit`) and makes its
    /// speaker the current one.
    fn push_paraphrase(&mut self, range: Range<usize>, said: Said, unit: usize, extendable: bool) {
        let (speaker, cue, confidence) = said;
        self.out.push(Raw {
            range,
            speaker,
            kind: QuoteKind::Paraphrase,
            cue: cue.clone(),
            confidence,
        });
        self.cur = Some(Current {
            speaker,
            cue,
            unit,
            quote: self.out.len() - 1,
            extendable,
        });
    }

    /// A unit without quotation marks: a paraphrase when a cue reports
    /// content, else the author's words, or the current speaker's.
    fn unquoted(&mut self, s: &Sentence<'_>) {
        if let Some((c, t, conf)) = s.main {
            if *t == Target::Author && !c.past_speech {
                self.cur = None;
                return;
            }
            let content = if c.content_before {
                true
            } else {
                s.words.count_words(c.content_tok, s.toks.len()) >= MIN_REPORTED_WORDS
            };
            if content && !s.question {
                self.reported(s, c, *t, *conf);
                return;
            }
        }
        if s.question || speaks_as_author(s.words) || s.main.is_some_and(|m| m.1 == Target::Author)
        {
            self.cur = None;
            return;
        }
        self.go_on(s);
    }

    /// A sentence whose cue `c` (of `t`) reports content: a paraphrase, or
    /// the extension of the last one ("In his view, …" after his
    /// statement).
    fn reported(&mut self, s: &Sentence<'_>, c: &Cue, t: Target, conf: f32) {
        let continues = matches!(c.who, Who::Pronoun(_))
            && c.kind == CueKind::View
            && self
                .cur
                .as_ref()
                .is_some_and(|k| k.speaker == t && k.extendable && k.unit + 1 == s.ui);
        if continues && let Some(k) = self.cur.as_mut() {
            self.out[k.quote].range.end = s.unit.range.end;
            k.unit = s.ui;
            return;
        }
        self.push_paraphrase(s.unit.range.clone(), (t, c.word.clone(), conf), s.ui, true);
    }

    /// No cue: the sentence goes on with the current speaker, extending
    /// their last paraphrase when it is the sentence before.
    fn go_on(&mut self, s: &Sentence<'_>) {
        let Some(k) = self.cur.as_mut() else {
            return;
        };
        if k.extendable && k.unit + 1 == s.ui {
            self.out[k.quote].range.end = s.unit.range.end;
        } else {
            self.out.push(Raw {
                range: s.unit.range.clone(),
                speaker: k.speaker,
                kind: QuoteKind::Paraphrase,
                cue: k.cue.clone(),
                confidence: CONTINUED_CONFIDENCE,
            });
            k.quote = self.out.len() - 1;
            k.extendable = true;
        }
        k.unit = s.ui;
    }

    /// A unit with quoted fragments: direct quotes of its quotations and
    /// paraphrases of its reporting clauses, or one paraphrase when the
    /// quoted words are only a part of what it reports.
    fn quoted(&mut self, s: &Sentence<'_>) {
        let q = Quotations::new(s, self);
        let (main_f, main_t) = q.main();
        let Some(main_said) = q.speaker_of(main_t) else {
            self.orphan = Some(s.unit.range.clone());
            self.cur = None;
            return;
        };
        if main_said.0 == Target::Author && !s.past_speech() {
            self.cur = None;
            return;
        }
        let frags = self.frags;
        let mf = &frags[main_f];
        let unclosed = if mf.closed { 1.0 } else { UNCLOSED_FACTOR };
        let (pre_cue, pre_content) = clause_before(s, main_t);
        if !self.is_direct(s, mf, main_t, &main_said, pre_cue, pre_content) {
            let (spk, cue, conf) = match s.main {
                Some((c, t, conf)) if *t != Target::Author => (*t, c.word.clone(), *conf),
                _ => main_said,
            };
            self.push_paraphrase(
                s.unit.range.clone(),
                (spk, cue, conf * unclosed),
                s.ui,
                false,
            );
            return;
        }
        let mut emitted: Vec<Raw> = Vec::new();
        if pre_content >= MIN_CLAUSE_WORDS {
            emitted.extend(self.clause_paraphrase(s, mf, pre_cue, &main_said));
        } else {
            emitted.extend(q.side_quotes(&main_said, |ti| ti < main_t));
        }
        emitted.push(Raw {
            range: direct_span(self.body, mf),
            speaker: main_said.0,
            kind: QuoteKind::Direct,
            cue: main_said.1.clone(),
            confidence: main_said.2 * unclosed,
        });
        emitted.extend(self.after_quote(s, &q, main_t, &main_said));
        self.commit(s, emitted);
    }

    /// Whether the main quotation (fragment `mf` at token `main_t`, by
    /// `said`) is a direct quote rather than a part of a paraphrase.
    fn is_direct(
        &self,
        s: &Sentence<'_>,
        mf: &Fragment,
        main_t: usize,
        said: &Said,
        pre_cue: Option<&Found>,
        pre_content: usize,
    ) -> bool {
        let (body, toks, words) = (self.body, s.toks, s.words);
        let quoted = &body[mf.start..mf.end];
        let m_len = chars(quoted);
        let u_len = chars(&body[s.unit.range.clone()]);
        // All its quotations together ("“…,” he said, “and …”").
        let q_len: usize = self.frags[s.unit.fragments.clone()]
            .iter()
            .map(|f| chars(&body[f.start..f.end]))
            .sum();
        let m_words = quoted.split_whitespace().count();
        let prev_tok = |i: usize| i.checked_sub(1).map(|j| &toks[j]);
        let separable = prev_tok(main_t).is_some_and(|t| t.is_punct(':'))
            || main_t >= 3
                && toks[main_t - 1].is_punct(',')
                && words.text(main_t - 2).eq_ignore_ascii_case("and")
                && toks[main_t - 3].is_punct(',')
            || body[mf.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let pre_spk = pre_cue.map(|(_, t, _)| *t);
        let differs = pre_spk.is_some_and(|p| p != said.0);
        let tail_probe = s
            .found
            .iter()
            .find(|(c, _, _)| c.tok > main_t && c.post)
            .map_or(main_t + 1, |(c, _, _)| c.content_tok);
        // Nothing but the cue, its speaker and their titles around the quote
        // (and maybe a description of the scene: "he says, pouring tea").
        let bare = pre_content == 0 && !cues::reports_more(words, tail_probe);
        // "“No way!” said Amir Hussain, 51, shaking his head …": a
        // quotation that opens the sentence with its cue right after it is
        // direct however short it is and however long the cue.
        let leads = opens_with_quote(&toks[..=main_t])
            && pre_content == 0
            && cue_right_after(s.found, toks, main_t).is_some();
        // "A woman near the front shouted, “We missed you!”": set off
        // after its cue by a comma or a colon, and a sentence of its own.
        let set_off = prev_tok(main_t).is_some_and(|t| t.is_punct(',') || t.is_punct(':'))
            && starts_upper(quoted);
        m_len * 2 >= u_len
            || q_len * 2 >= u_len && opens_with_quote(toks)
            || leads
            || bare && (m_words >= MIN_BARE_QUOTE_WORDS || set_off)
            || separable
                && m_words >= MIN_SEPARABLE_QUOTE_WORDS
                && pre_content >= MIN_SEPARABLE_CLAUSE_WORDS
            || differs && m_words >= MIN_OTHER_SPEAKER_QUOTE_WORDS
    }

    /// The reporting clause before the quotation `mf`, when it says
    /// something: a paraphrase of its own cue's speaker (else of the
    /// quotation's).
    fn clause_paraphrase(
        &self,
        s: &Sentence<'_>,
        mf: &Fragment,
        pre_cue: Option<&Found>,
        main_said: &Said,
    ) -> Option<Raw> {
        let (spk, cue, conf) = match pre_cue {
            Some((c, t, conf)) => (*t, c.word.clone(), *conf),
            None => main_said.clone(),
        };
        let r = trim_clause_end(self.body, s.unit.range.start..mf.open);
        (r.end > r.start && spk != Target::Author).then_some(Raw {
            range: r,
            speaker: spk,
            kind: QuoteKind::Paraphrase,
            cue,
            confidence: conf,
        })
    }

    /// What follows the main quotation (at token `main_t`): "…,” X said,
    /// adding that …" is a paraphrase; else the quoted fragments after it
    /// are direct quotes.
    fn after_quote(
        &self,
        s: &Sentence<'_>,
        q: &Quotations<'_>,
        main_t: usize,
        main_said: &Said,
    ) -> Vec<Raw> {
        let (toks, words) = (s.toks, s.words);
        let tail_cue = s.found.iter().find(|(c, _, _)| c.tok > main_t && c.post);
        let tail_from = tail_cue.map_or(main_t + 1, |(c, _, _)| c.content_tok);
        let tail_content = words.count_words(tail_from, toks.len());
        if tail_content < MIN_CLAUSE_WORDS
            || tail_cue.is_some() && !cues::reports_more(words, tail_from)
            || q.frag_toks
                .iter()
                .any(|&(f, ti)| ti > main_t && q.stands_alone(f, ti))
        {
            return q.side_quotes(main_said, |ti| ti > main_t);
        }
        let start = tail_cue
            .map(|(c, _, _)| c.np.start.min(toks[c.tok].start))
            .or_else(|| {
                toks[main_t + 1..]
                    .iter()
                    .find(|t| t.is_word())
                    .map(|t| t.start)
            });
        let Some(start) = start else {
            return Vec::new();
        };
        let (spk, cue, conf) = tail_cue
            .map(|(c, t, conf)| (*t, c.word.clone(), *conf))
            .unwrap_or_else(|| main_said.clone());
        vec![Raw {
            range: start..s.unit.range.end,
            speaker: spk,
            kind: QuoteKind::Paraphrase,
            cue,
            confidence: conf,
        }]
    }

    /// Adds a quoted unit's quotes (the author's only when they report a
    /// past statement); the speaker of the last goes on.
    fn commit(&mut self, s: &Sentence<'_>, emitted: Vec<Raw>) {
        let last = emitted.last().map(|r| (r.speaker, r.cue.clone()));
        self.out.extend(
            emitted
                .into_iter()
                .filter(|r| r.speaker != Target::Author || s.past_speech()),
        );
        if let Some((speaker, cue)) = last {
            self.cur = Some(Current {
                speaker,
                cue,
                unit: s.ui,
                quote: self.out.len().saturating_sub(1),
                extendable: false,
            });
        }
    }
}

/// A quoted unit's quotations, and who said each.
struct Quotations<'q> {
    s: &'q Sentence<'q>,
    body: &'q str,
    frags: &'q [Fragment],
    /// (fragment index, token index) of each quotation.
    frag_toks: Vec<(usize, usize)>,
    /// The speaker the unit goes on with, if no cue names one, with the
    /// confidence of that guess.
    continuing: Option<(Current, f32)>,
    /// A person named at the start of a sentence, with its unit.
    introduced: Option<(Target, usize)>,
    /// The person a paragraph ending with a colon announced, with it.
    announced: Option<(Target, usize)>,
}

impl<'q> Quotations<'q> {
    fn new(s: &'q Sentence<'q>, x: &'q Extractor<'_>) -> Self {
        let frag_toks = s
            .toks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t.kind {
                quotes::TokKind::Quote(f) => Some((f, i)),
                _ => None,
            })
            .collect();
        // "“…?” Ms Ramanathan asked. / “…,” Mr Cole replied. / “…?”": a
        // question with no cue after an exchange is the asker's again.
        // And the answer to it is the other party's.
        let exchange = x.asker.clone().filter(|a| {
            x.carry.as_ref().is_some_and(|c| {
                c.speaker != a.speaker
                    && if s.question {
                        a.cue == "asked"
                    } else {
                        c.cue == "asked" && a.cue != "asked"
                    }
            })
        });
        let continuing = match &x.cur {
            Some(k) => Some((k.clone(), CONTINUED_QUOTE_CONFIDENCE)),
            None => exchange
                .or_else(|| x.carry.clone())
                .filter(|_| s.unit.first_in_para && opens_with_quote(s.toks))
                .map(|k| (k, CARRIED_QUOTE_CONFIDENCE)),
        };
        Quotations {
            s,
            body: x.body,
            frags: x.frags,
            frag_toks,
            continuing,
            introduced: x.introduced,
            announced: x.announced,
        }
    }

    /// The longest quotation: (fragment index, token index).
    fn main(&self) -> (usize, usize) {
        *self
            .frag_toks
            .iter()
            .max_by_key(|(f, _)| self.frags[*f].end - self.frags[*f].start)
            .expect("a unit with fragments has quote tokens")
    }

    /// Who said the quotation at token `ti`: the cue right after it, the
    /// last cue before it, the first after it, the speaker the unit goes
    /// on with, or the person the sentence opens with.
    fn speaker_of(&self, ti: usize) -> Option<Said> {
        let (found, toks, u, ui) = (self.s.found, self.s.toks, self.s.unit, self.s.ui);
        let post = cue_right_after(found, toks, ti);
        // The last cue before it, also one that follows an earlier
        // quotation: "“…,” he said, “and …”" goes on with his words.
        let before = found
            .iter()
            .filter(|(c, _, _)| c.tok < ti && c.kind != CueKind::Back)
            .max_by_key(|(c, _, _)| c.tok);
        let after = found
            .iter()
            .find(|(c, _, _)| c.tok > ti && c.kind != CueKind::Back);
        post.or(before)
            .or(after)
            .map(|(c, t, conf)| (*t, c.word.clone(), *conf))
            .or_else(|| {
                self.continuing
                    .as_ref()
                    .map(|(k, conf)| (k.speaker, k.cue.clone(), *conf))
            })
            .or_else(|| {
                // "X attacked his critics in a string of posts: “…”":
                // the person the sentence opens with, before a colon.
                let colon = ti > 0 && toks[ti - 1].is_punct(':');
                self.introduced
                    .filter(|&(_, i)| i + 1 == ui && !u.first_in_para || i == ui && colon)
                    .map(|(t, _)| t)
                    .or_else(|| {
                        self.announced
                            .filter(|&(_, p)| p + 1 == u.para && u.first_in_para)
                            .map(|(t, _)| t)
                    })
                    .map(|t| (t, "(introduced)".to_string(), INTRODUCED_CONFIDENCE))
            })
    }

    /// Quoted fragments on one side of the main one (`side` of their
    /// token) of four words or more, or shorter ones that stand as
    /// sentences of their own (see [`Self::stands_alone`]), each a direct
    /// quote of its own cue's speaker (else the main speaker).
    fn side_quotes(&self, main_said: &Said, side: impl Fn(usize) -> bool) -> Vec<Raw> {
        self.frag_toks
            .iter()
            .filter(|&&(f, ti)| {
                side(ti)
                    && (self.body[self.frags[f].start..self.frags[f].end]
                        .split_whitespace()
                        .count()
                        >= MIN_SIDE_QUOTE_WORDS
                        || self.stands_alone(f, ti))
            })
            .map(|&(f, ti)| {
                let (spk, cue, conf) = self.speaker_of(ti).unwrap_or_else(|| main_said.clone());
                Raw {
                    range: direct_span(self.body, &self.frags[f]),
                    speaker: spk,
                    kind: QuoteKind::Direct,
                    cue,
                    confidence: conf,
                }
            })
            .collect()
    }
}

impl Quotations<'_> {
    /// Whether the short quotation `f` at token `ti` is a sentence of its
    /// own: opening the unit with its cue right after it ("“The breath,”
    /// he says, laughing. “Obviously the breath.”"), or after a colon at
    /// the unit's end ("and then, after a pause: “I think.”").
    fn stands_alone(&self, f: usize, ti: usize) -> bool {
        let toks = self.s.toks;
        if !starts_upper(&self.body[self.frags[f].start..self.frags[f].end]) {
            return false;
        }
        let opens =
            opens_with_quote(&toks[..=ti]) && cue_right_after(self.s.found, toks, ti).is_some();
        let closes = ti > 0
            && toks[ti - 1].is_punct(':')
            && toks[ti + 1..].iter().all(|t| !t.is_word() && !t.is_quote());
        opens || closes
    }
}

/// Whether a quotation opens with a capital letter.
fn starts_upper(quoted: &str) -> bool {
    quoted
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// The first cue that names someone other than the author, if any (else the
/// first cue), back references aside.
fn main_cue(found: &[Found]) -> Option<&Found> {
    found
        .iter()
        .find(|(c, t, _)| c.kind != CueKind::Back && *t != Target::Author)
        .or_else(|| found.iter().find(|(c, _, _)| c.kind != CueKind::Back))
}

/// The cue of the reporting clause before the quotation at token `main_t`,
/// and the number of words that clause reports.
fn clause_before<'s>(s: &Sentence<'s>, main_t: usize) -> (Option<&'s Found>, usize) {
    let pre_cue = s
        .found
        .iter()
        .find(|(c, _, _)| c.tok < main_t && c.kind != CueKind::Back && !c.post);
    // "“…,” he shouted over the encore, “and …”": the words before are an
    // earlier quotation's cue, which report nothing of their own.
    let cue_of_earlier = s
        .found
        .iter()
        .any(|(c, _, _)| c.post && c.tok < main_t && opens_with_quote(&s.toks[..c.tok]));
    let pre_content = match pre_cue {
        Some((c, _, _)) if !c.content_before => s.words.count_words(c.content_tok, main_t),
        Some(_) => 0,
        None if cue_of_earlier => 0,
        None => s.words.count_words(0, main_t),
    };
    (pre_cue, pre_content)
}

/// A cue's confidence: by how it attributes and how its speaker is named.
fn confidence(c: &Cue) -> f32 {
    let base = match c.kind {
        CueKind::Verb => 0.9,
        CueKind::According | CueKind::To => 0.85,
        CueKind::View | CueKind::Nominal | CueKind::Passive => 0.8,
        CueKind::Seems => 0.7,
        CueKind::Back => 0.65,
    };
    let who = match c.who {
        Who::Person { .. } | Who::Org { .. } | Who::Kin { .. } => 1.0,
        Who::Group { .. } | Who::Unnamed { .. } => 0.9,
        Who::Pronoun(_) | Who::Anaphor { .. } => 0.8,
    };
    base * who
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Trims a span's end of blanks, commas, colons and dangling words ("that",
/// "and") so a reporting clause ends on its last real word.
fn trim_clause_end(body: &str, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    loop {
        let s = body[r.start..end].trim_end();
        let s = s.trim_end_matches([',', ':', ';', '–', '—', '-', ' ', '“', '"', '(']);
        let cut = match s.rsplit_once(' ') {
            Some((head, last)) if lexicon::is_dangling_clause_word(last) => head.len(),
            _ => s.len(),
        };
        let new_end = r.start + cut;
        if new_end == end {
            break;
        }
        end = new_end;
    }
    r.start..end
}

/// A direct quote's span: the quoted words without a trailing comma.
fn direct_span(body: &str, f: &Fragment) -> Range<usize> {
    let s = &body[f.start..f.end];
    let t = s.trim_end_matches([',', ';', ':', ' ']);
    f.start..f.start + t.len()
}

/// The speech-verb cue right after the quotation at token `ti`: "“…,” X
/// said".
fn cue_right_after<'f>(found: &'f [Found], toks: &[Tok], ti: usize) -> Option<&'f Found> {
    found.iter().find(|(c, _, _)| {
        c.post
            && c.kind == CueKind::Verb
            && c.tok > ti
            && toks[..c.tok].iter().rposition(Tok::is_quote) == Some(ti)
    })
}

/// "A landlord accused of endangering his tenants told a jury …" in the
/// lede: the story's subject, named in the next paragraph, not an unnamed
/// source of their own.
fn is_delayed_identification(who: &Who) -> bool {
    match who {
        Who::Unnamed { name } => name.starts_with("a ") || name.starts_with("an "),
        // "The leader of Dunmore Council has defended …": an office
        // whose holder the article names next.
        Who::Anaphor {
            noun,
            kind: lexicon::Anaphor::Person,
            ..
        } => lexicon::is_office(noun),
        _ => false,
    }
}

/// Whether the words before a name are a description of whom it names
/// opening the sentence ("Palau's climate envoy, ") or an opening
/// participle's clause ("Asked last night whether …, "): a few words
/// without a quotation, ending with a comma.
fn described_before(text: &str) -> bool {
    // A few words only: a long stretch is no description.
    if text.len() > MAX_DESCRIPTION_BYTES {
        return false;
    }
    let t = text.trim_end();
    let role = t.split_whitespace().any(|w| {
        let w = w.trim_end_matches(',').to_lowercase();
        lexicon::is_role_or_person_noun(&w) || w.ends_with("'s") || w.ends_with("’s")
    }) || t
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"));
    t.ends_with(',')
        && role
        && !t.contains(['“', '"', '‘'])
        && (1..=MAX_DESCRIPTION_WORDS).contains(&t.split_whitespace().count())
}

/// Most words of a description (or an opening participle's clause:
/// "Asked whether she would accept it, ") before the name it introduces.
const MAX_DESCRIPTION_WORDS: usize = 14;
/// Longest stretch, in bytes, read for such a description.
const MAX_DESCRIPTION_BYTES: usize = 200;

/// The unit opens with a quotation (after at most a short connective).
fn opens_with_quote(toks: &[Tok]) -> bool {
    toks.iter().take(4).position(Tok::is_quote).is_some()
}

/// "I", "we", "our" outside quotation marks: the author speaking.
fn speaks_as_author(words: &Words<'_>) -> bool {
    (0..words.toks.len())
        .any(|i| words.toks[i].is_word() && lexicon::is_author_self_reference(words.text(i)))
}

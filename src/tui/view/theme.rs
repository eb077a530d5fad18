//! Styles. With colour, accents from the terminal's 16-colour palette (which
//! follows its dark or light theme); under NO_COLOR, modifiers only.

use ratatui::style::{Color, Modifier, Style};

use crate::model::SpeakerKind;
use crate::search::HitKind;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Green).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn title(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Green).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The selected row: reversed in the focused pane, bold elsewhere.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Characters a search matched.
    pub fn matched(&self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A message about something wrong (a query that cannot be parsed).
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The quote inside its paragraph.
    pub fn quote_in_context(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn status(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn hit_kind(&self, kind: HitKind) -> Style {
        self.fg(match kind {
            HitKind::Speaker => Color::Green,
            HitKind::Category => Color::Blue,
            HitKind::Quote => Color::Cyan,
        })
        .add_modifier(Modifier::DIM | Modifier::BOLD)
    }

    pub fn speaker_kind(&self, _kind: SpeakerKind) -> Style {
        self.dim()
    }

    pub fn bar(&self) -> Style {
        self.fg(Color::Cyan)
    }
}

//! The printable certificate: one A4 page of HTML a recipient can print or show, with a QR code of
//! the certificate number, in the recipient's language.
//!
//! The page runs no scripts and has no inline styles, so it passes the site's content security
//! policy unchanged: its stylesheet is `PRINT_CSS`, to be served at `PRINT_CSS_PATH`. Every text on
//! it comes from the translation files (`i18n`) or from the caller, already localized, and askama
//! escapes all of it; only the QR code's SVG, which this module draws, goes in unescaped.

use askama::Template;
use qrcode::QrCode;
use qrcode::render::svg;
use socert_domain::{CertificateNumber, CertificateStatus, Date, Locale, Money};

use crate::i18n::{format_date, message, status_name};

/// Where the page expects its stylesheet.
pub const PRINT_CSS_PATH: &str = "/static/print.css";

/// The stylesheet of the printable certificate (A4, black on white).
pub const PRINT_CSS: &str = include_str!("../static/print.css");

/// What a printed certificate shows. Names come already localized; numbers, money, dates and the
/// status are formatted here for the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintableCertificate {
    pub number: CertificateNumber,
    /// The recipient's full name.
    pub holder: String,
    /// The program's name, already localized.
    pub program: String,
    /// The issuing authority's name, already localized.
    pub authority: String,
    pub value: Money,
    /// What the value buys in units ("20 trips"), already localized, for programs that count units.
    pub units: Option<String>,
    pub valid_from: Date,
    pub valid_to: Date,
    pub status: CertificateStatus,
    pub issued_on: Date,
}

#[derive(Template)]
#[template(path = "certificate.html")]
struct CertificatePage<'a> {
    lang: &'static str,
    stylesheet: &'static str,
    page_title: String,
    title: String,
    authority: &'a str,
    number_label: String,
    number: String,
    holder_label: String,
    holder: &'a str,
    program_label: String,
    program: &'a str,
    value_label: String,
    value: String,
    units_label: String,
    units: Option<&'a str>,
    valid_label: String,
    valid: String,
    status_label: String,
    status_code: &'static str,
    status: String,
    issued_on_label: String,
    issued_on: String,
    qr_label: String,
    /// Drawn by `qr_svg`: markup this module controls, with no caller text in it.
    qr_svg: Option<String>,
}

/// The certificate as a complete HTML page in `locale`.
pub fn render_certificate(cert: &PrintableCertificate, locale: Locale) -> String {
    let label = |key: &str| message(locale, key, &[]);
    let number = cert.number.to_string();
    let page = CertificatePage {
        lang: locale.code(),
        stylesheet: PRINT_CSS_PATH,
        page_title: message(
            locale,
            "cert-page-title",
            &[("number", number.as_str().into())],
        ),
        title: label("cert-title"),
        authority: &cert.authority,
        number_label: label("cert-number"),
        holder_label: label("cert-holder"),
        holder: &cert.holder,
        program_label: label("cert-program"),
        program: &cert.program,
        value_label: label("cert-value"),
        value: cert.value.format(locale),
        units_label: label("cert-units"),
        units: cert.units.as_deref(),
        valid_label: label("cert-valid"),
        valid: message(
            locale,
            "cert-valid-range",
            &[
                ("from", format_date(locale, cert.valid_from).into()),
                ("to", format_date(locale, cert.valid_to).into()),
            ],
        ),
        status_label: label("cert-status"),
        status_code: cert.status.as_str(),
        status: status_name(locale, cert.status),
        issued_on_label: label("cert-issued-on"),
        issued_on: format_date(locale, cert.issued_on),
        qr_label: message(
            locale,
            "cert-qr-label",
            &[("number", number.as_str().into())],
        ),
        qr_svg: qr_svg(&number),
        number,
    };
    // Rendering into a String fails only if a value's Display fails, and every value here is a
    // string; should that ever change, the reader still gets a page that says what went wrong.
    page.render().unwrap_or_else(|err| {
        tracing::error!(%err, "printable certificate did not render");
        format!(
            "<!doctype html><html lang=\"{}\"><title>{}</title><p>{}</p></html>",
            locale.code(),
            cert.number,
            cert.number
        )
    })
}

/// The QR code of `text` as an `<svg>` element to inline in HTML. `None` if `text` is too long for
/// a QR code, which a 16-character certificate number never is.
///
/// The printed form with dashes is encoded, so a phone shows what the page shows;
/// `CertificateNumber::parse` reads it back with or without them.
fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(4, 4)
        .build();
    // The renderer starts with an XML declaration, which means nothing inside an HTML page.
    let start = image.find("<svg")?;
    Some(image[start..].to_owned())
}

#[cfg(test)]
mod tests {
    use socert_domain::Currency;

    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn certificate() -> PrintableCertificate {
        PrintableCertificate {
            number: CertificateNumber::new("27", 2026, 123).unwrap(),
            holder: "Мария Ивановна Петрова".into(),
            program: "Плавание для детей".into(),
            authority: "Министерство социальной защиты Хабаровского края".into(),
            value: Money::from_minor(1_234_500, Currency::Rub),
            units: Some("20 занятий".into()),
            valid_from: date(2026, 3, 1),
            valid_to: date(2026, 12, 31),
            status: CertificateStatus::Active,
            issued_on: date(2026, 2, 20),
        }
    }

    #[test]
    fn renders_in_every_language() {
        let cert = certificate();
        for (locale, title, value, valid, status) in [
            (
                Locale::Ru,
                "<h1>Социальный сертификат</h1>",
                "12\u{a0}345,00\u{a0}₽",
                "с 01.03.2026 по 31.12.2026",
                "Действует",
            ),
            (
                Locale::Uk,
                "<h1>Соціальний сертифікат</h1>",
                "12\u{a0}345,00\u{a0}₽",
                "з 01.03.2026 по 31.12.2026",
                "Діє",
            ),
            (
                Locale::En,
                "<h1>Social certificate</h1>",
                "₽12,345.00",
                "1 March 2026 to 31 December 2026",
                "Active",
            ),
        ] {
            let page = render_certificate(&cert, locale);
            let lang = format!("<html lang=\"{locale}\">");
            for expected in [
                lang.as_str(),
                title,
                value,
                valid,
                status,
                "27-2026-000123-6",
            ] {
                assert!(
                    page.contains(expected),
                    "{locale}: no {expected:?} in\n{page}"
                );
            }
            assert_eq!(page.matches("<h1>").count(), 1, "{locale}");
            assert_eq!(page.matches("<title>").count(), 1, "{locale}");
            assert!(page.contains("<dl>"), "{locale}");
            assert!(page.contains("20 занятий"), "{locale}");
        }
    }

    #[test]
    fn the_page_title_and_qr_label_name_the_number() {
        let page = render_certificate(&certificate(), Locale::Ru);
        assert!(page.contains("<title>Социальный сертификат № 27-2026-000123-6</title>"));
        assert!(page.contains(
            "<div class=\"qr\" role=\"img\" aria-label=\"QR-код с номером сертификата \
             27-2026-000123-6\"><svg xmlns=\"http://www.w3.org/2000/svg\""
        ));
        assert!(!page.contains("<?xml"));
    }

    #[test]
    fn the_qr_code_is_an_svg_of_the_printed_number() {
        let number = certificate().number.to_string();
        let svg = qr_svg(&number).unwrap();
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"), "{svg}");
        // Only markup the renderer writes: no text from outside, no style attribute for the CSP
        // to block.
        assert!(!svg.contains("style") && !svg.contains("<script"));
        let page = render_certificate(&certificate(), Locale::En);
        assert!(page.contains(&svg));
    }

    #[test]
    fn no_scripts_and_no_inline_styles() {
        let page = render_certificate(&certificate(), Locale::En);
        assert!(!page.contains("<script"));
        assert!(!page.contains("<style"));
        assert!(!page.contains("style=\""));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/static/print.css\">"));
        assert!(PRINT_CSS.contains("size: A4"));
    }

    #[test]
    fn caller_text_is_escaped() {
        let mut cert = certificate();
        cert.holder = "<script>alert(\"x\")</script> & Co".into();
        cert.program = "<b>bold</b>".into();
        cert.authority = "\"quoted\" <authority>".into();
        cert.units = Some("<i>20</i>".into());
        let page = render_certificate(&cert, Locale::En);
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains(
            "<dd class=\"holder\">&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co</dd>"
        ), "{page}");
        for raw in ["<b>", "<authority>", "<i>"] {
            assert!(!page.contains(raw), "{raw} unescaped");
        }
    }

    #[test]
    fn optional_units_and_status_class() {
        let mut cert = certificate();
        cert.units = None;
        cert.status = CertificateStatus::Revoked;
        let page = render_certificate(&cert, Locale::Uk);
        assert!(!page.contains("Послуги"), "no units row without units");
        assert!(page.contains("<dd class=\"status status-revoked\">Відкликаний</dd>"));
    }
}

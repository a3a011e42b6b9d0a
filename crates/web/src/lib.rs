//! socert over HTTP: the JSON API (`/api/v1`), its OpenAPI document (`/api/openapi.json`) and docs
//! page (`/api/docs`), health probes, the web portal (`portal`), and the middleware every request
//! passes through.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request, Response};
use socert_store::Store;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::openapi::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

pub mod api;
pub mod auth;
pub mod delivery_csv;
pub mod error;
pub mod extract;
pub mod i18n;
pub mod portal;
pub mod print;
pub mod recipient_csv;
pub mod table;

use error::ApiError;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids are UUID v7 like every other id, so they sort by time in logs.
#[derive(Clone, Copy)]
struct MakeRequestUuidV7;

impl MakeRequestId for MakeRequestUuidV7 {
    fn make_request_id<B>(&mut self, _request: &Request<B>) -> Option<RequestId> {
        uuid::Uuid::now_v7()
            .to_string()
            .parse()
            .ok()
            .map(RequestId::new)
    }
}

/// The OpenAPI document of the whole API.
pub fn openapi() -> OpenApi {
    api::routes().split_for_parts().1
}

/// The complete application.
pub fn app(state: AppState) -> Router {
    let (api_router, openapi) = api::routes().split_for_parts();
    // Authentication runs first, then authorization against the matched route's policy.
    let api_router = api_router
        .route_layer(axum::middleware::from_fn(auth::authorize))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ));
    let docs = SwaggerUi::new("/api/docs").url("/api/openapi.json", openapi);
    Router::new()
        .merge(api_router)
        .merge(docs)
        .merge(portal::routes())
        .route(
            print::PRINT_CSS_PATH,
            axum::routing::get(|| async {
                (
                    [
                        (axum::http::header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (axum::http::header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    print::PRINT_CSS,
                )
            }),
        )
        .fallback(portal::fallback)
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .with_state(state)
        .layer(DefaultBodyLimit::max(extract::UPLOAD_LIMIT))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuidV7))
                .layer(
                    // One line per request. Only the path is logged: query strings and bodies
                    // may carry personal data.
                    TraceLayer::new_for_http()
                        .make_span_with(|request: &Request<_>| {
                            let request_id = request
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default();
                            tracing::info_span!(
                                "request",
                                method = %request.method(),
                                path = %request.uri().path(),
                                request_id,
                            )
                        })
                        .on_request(())
                        .on_response(DefaultOnResponse::new().level(Level::INFO))
                        .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(axum::middleware::from_fn(security_headers))
                .layer(CatchPanicLayer::custom(panic_response)),
        )
}

/// Headers every response carries. Pages may load scripts and styles only from this server; the
/// API docs page also needs inline styles (Swagger UI sets them), nothing else relaxes.
async fn security_headers(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response<axum::body::Body> {
    use axum::http::HeaderValue;
    let docs = request.uri().path().starts_with("/api/docs");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let csp = if docs {
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    } else {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    };
    headers.insert("content-security-policy", HeaderValue::from_static(csp));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response<axum::body::Body> {
    tracing::error!("handler panicked");
    axum::response::IntoResponse::into_response(ApiError::Internal)
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets in-flight requests finish
/// (for at most `grace`).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = axum::serve(listener, service).with_graceful_shutdown(async move {
        shutdown.await;
        let _ = stop_tx.send(());
    });
    let mut server = std::pin::pin!(server.into_future());
    tokio::select! {
        result = &mut server => result,
        () = async {
            let _ = stop_rx.await;
            tokio::time::sleep(grace).await;
        } => {
            tracing::warn!(grace_seconds = grace.as_secs(), "shutdown grace period over; closing remaining connections");
            Ok(())
        }
    }
}

// Where Cms runs. The blog is served from another origin, so Cms must list this one in
// Cms:Cors:AllowedOrigins (Cms__Cors__AllowedOrigins__0=http://localhost:8080): see README.md.
window.CMS_URL = "http://localhost:5000";
window.CMS_PAGE_SIZE = 6;

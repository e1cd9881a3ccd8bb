// Front-channel logout (issue 11): the window's load event waits for every application's logout iframe; then (or
// after 5 s at the latest) the browser continues to the post_logout_redirect_uri, if the sign-out named one.
(function () {
    var next = document.getElementById("signed-out").getAttribute("data-next");
    if (!next) {
        return;
    }
    var gone = false;
    function go() {
        if (!gone) {
            gone = true;
            window.location.assign(next);
        }
    }
    window.addEventListener("load", go);
    window.setTimeout(go, 5000);
})();

// Live check of the domain prefix on the store's new-organisation form. The page works without it: the server
// checks the prefix again on submit.
(function () {
    "use strict";
    var input = document.getElementById("domainPrefix");
    var status = document.getElementById("domainPrefix-status");
    if (!input || !status || !window.fetch) {
        return;
    }
    var suffix = status.getAttribute("data-suffix");
    var timer = null;
    var latest = 0;

    function show(text, ok) {
        status.textContent = text;
        status.className = "domain-status " + (ok ? "notice" : "error");
    }

    function check() {
        var prefix = input.value.trim();
        var ticket = ++latest;
        if (prefix === "") {
            status.textContent = "";
            return;
        }
        fetch("/api/domains/" + encodeURIComponent(prefix) + "/availability", { headers: { Accept: "application/json" } })
            .then(function (response) {
                return response.json().then(function (body) {
                    return { ok: response.ok, body: body };
                });
            })
            .then(function (answer) {
                if (ticket !== latest) {
                    return;
                }
                if (!answer.ok) {
                    show(answer.body.detail || "Use letters, digits and hyphens.", false);
                } else if (answer.body.available) {
                    show(answer.body.domain + " is available.", true);
                } else {
                    show(answer.body.domain + " is already taken. Choose another name.", false);
                }
            })
            .catch(function () {
                status.textContent = "";
            });
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(check, 300);
    });
    if (suffix && input.value.trim() !== "") {
        check();
    }
})();

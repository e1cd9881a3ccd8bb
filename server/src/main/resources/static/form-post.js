// response_mode=form_post: posts the authorization response to the application at once.
document.getElementById("form-post").submit();

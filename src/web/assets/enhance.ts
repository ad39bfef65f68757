/**
 * The only script: progressive enhancement for the receipt page and the forms. Served as a file from
 * /assets (CSP `script-src 'self'`), never inline. Every page works without it; it only adds copy,
 * save-as-image and print buttons (hidden until it runs) and stops a double send on a slow network.
 * Its words come from data-* attributes written from the catalogue, so every string stays there.
 */
export const enhanceScript = String.raw`(function(){
"use strict";
var $$=function(s){return Array.prototype.slice.call(document.querySelectorAll(s))};
$$("[data-js-only]").forEach(function(el){el.hidden=false});
function say(el,text){var live=document.getElementById(el.getAttribute("data-status"));if(live)live.textContent=text}
$$("[data-copy]").forEach(function(btn){btn.addEventListener("click",function(){
 var code=document.getElementById(btn.getAttribute("data-copy")).textContent.trim();
 var done=function(){say(btn,btn.getAttribute("data-done"))},fail=function(){say(btn,btn.getAttribute("data-fail"))};
 if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(code).then(done,fail)}
 else{var r=document.createRange();r.selectNodeContents(document.getElementById(btn.getAttribute("data-copy")));var s=getSelection();s.removeAllRanges();s.addRange(r);try{document.execCommand("copy")?done():fail()}catch(e){fail()}}
})});
$$("[data-save-image]").forEach(function(btn){btn.addEventListener("click",function(){
 var code=document.getElementById(btn.getAttribute("data-save-image")).textContent.trim();
 var c=document.createElement("canvas");c.width=900;c.height=420;var g=c.getContext("2d");
 g.fillStyle="#fff";g.fillRect(0,0,900,420);g.strokeStyle="#0b5d57";g.lineWidth=8;g.setLineDash([24,12]);g.strokeRect(16,16,868,388);
 g.fillStyle="#1b1f24";g.textAlign="center";g.font="600 40px system-ui,sans-serif";g.fillText(btn.getAttribute("data-title"),450,130);
 g.font="700 72px ui-monospace,Menlo,Consolas,monospace";g.fillText(code,450,260);
 c.toBlob(function(blob){if(!blob)return;var a=document.createElement("a");a.href=URL.createObjectURL(blob);a.download="receipt-"+code+".png";document.body.appendChild(a);a.click();a.remove();setTimeout(function(){URL.revokeObjectURL(a.href)},5000)},"image/png");
})});
$$("[data-print]").forEach(function(btn){btn.addEventListener("click",function(){window.print()})});
$$("form[data-once]").forEach(function(form){form.addEventListener("submit",function(e){
 var btn=form.querySelector("button[type=submit]");if(!btn)return;
 if(form.getAttribute("data-sent")){e.preventDefault();return}
 form.setAttribute("data-sent","1");btn.setAttribute("aria-disabled","true");btn.textContent=btn.getAttribute("data-sending")||btn.textContent;
})});
})();
`

// Starts the official Web Chat against this host's Direct Line (/v3/directline) with a per-browser token.
(function () {
  'use strict';

  var storageKey = 'partyaffairs.chat';

  function showNotice(text) {
    var notice = document.getElementById('notice');
    notice.textContent = text;
    notice.hidden = false;
    document.getElementById('webchat').hidden = true;
  }

  function remembered() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  async function start() {
    if (!window.WebChat) {
      showNotice('聊天组件（Web Chat）尚未安装，暂时无法对话。请管理员按照部署说明运行 deploy/fetch-webchat.sh，'
        + '或将 botframework-webchat 4.18.1 的 dist/webchat.js 复制到 wwwroot/lib 目录后刷新本页。');
      return;
    }

    var saved = remembered();
    var response = await fetch('api/chat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: saved.userId || null, conversationId: saved.conversationId || null })
    });
    if (!response.ok) {
      throw new Error('token request failed: ' + response.status);
    }

    var chat = await response.json();
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ userId: chat.userId, conversationId: chat.conversationId }));
    } catch (e) {
      // Private browsing: the conversation simply starts afresh next time.
    }

    var options = {
      token: chat.token,
      domain: new URL('v3/directline', document.baseURI).href.replace(/\/$/, ''),
      conversationStartProperties: { locale: 'zh-CN' }
    };
    if (chat.resumed) {
      // Reconnect to the same conversation and replay its history from the start.
      options.conversationId = chat.conversationId;
      options.watermark = '0';
    }

    var directLine = window.WebChat.createDirectLine(options);
    // Exposed for diagnostics and the end-to-end tests (connection status: 2 = online).
    window.partyAffairsDirectLine = directLine;
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: 'zh-CN',
      styleOptions: {
        hideUploadButton: true,
        botAvatarInitials: '党',
        userAvatarInitials: '我',
        accent: '#b71c1c',
        primaryFont: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
      }
    }, document.getElementById('webchat'));
  }

  start().catch(function (error) {
    console.error(error);
    showNotice('连接聊天服务失败，请稍后刷新页面重试。');
  });
})();
